import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { describe, expect, it } from 'vitest'

import { encodeBodies, negotiateEncoding } from './compression'

describe('negotiateEncoding', () => {
  it('should prefer brotli', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br')
  })

  it('should use gzip when brotli is not accepted', () => {
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip')
  })

  it('should respect q=0', () => {
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip')
  })

  it('should prefer the higher quality', () => {
    expect(negotiateEncoding('br;q=0.5, gzip;q=1')).toBe('gzip')
  })

  it('should accept brotli for *', () => {
    expect(negotiateEncoding('*')).toBe('br')
  })

  it('should send identity without the header', () => {
    expect(negotiateEncoding(undefined)).toBe('identity')
    expect(negotiateEncoding('identity')).toBe('identity')
  })
})

describe('encodeBodies', () => {
  it('should compress a body that decompresses to the same bytes', async () => {
    const body = Buffer.from(JSON.stringify({ items: Array(50).fill({ title: 'eTwinning' }) }))
    const bodies = await encodeBodies(body)
    expect(brotliDecompressSync(bodies.br as Uint8Array).equals(body)).toBe(true)
    expect(gunzipSync(bodies.gzip as Uint8Array).equals(body)).toBe(true)
  })

  it('should leave out codings that do not save bytes', async () => {
    const bodies = await encodeBodies(Buffer.from('{}'))
    expect(bodies.br).toBeUndefined()
    expect(bodies.gzip).toBeUndefined()
  })
})
