import { describe, expect, it } from 'vitest'

import { bodyHash, entityTag, ifNoneMatchMatches } from './etag'

describe('entity tags', () => {
  const hash = bodyHash('{"items":[]}')

  it('should hash equal bodies equally, whatever their type', () => {
    expect(bodyHash(Buffer.from('{"items":[]}'))).toBe(hash)
    expect(bodyHash('{"items":[1]}')).not.toBe(hash)
  })

  it('should give each coding its own strong tag', () => {
    expect(entityTag(hash, 'identity')).toBe(`"${hash}"`)
    expect(entityTag(hash, 'br')).toBe(`"${hash}-br"`)
    expect(entityTag(hash, 'gzip')).toBe(`"${hash}-gzip"`)
  })

  it('should match the same tag', () => {
    expect(ifNoneMatchMatches(`"${hash}"`, hash)).toBe(true)
  })

  it('should match a weak tag', () => {
    expect(ifNoneMatchMatches(`W/"${hash}"`, hash)).toBe(true)
  })

  it('should match a tag in a list', () => {
    expect(ifNoneMatchMatches(`"other", W/"${hash}-gzip" , "x"`, hash)).toBe(true)
  })

  it('should match any tag for *', () => {
    expect(ifNoneMatchMatches('*', hash)).toBe(true)
  })

  it('should not match another body', () => {
    expect(ifNoneMatchMatches(`"${bodyHash('other')}"`, hash)).toBe(false)
    expect(ifNoneMatchMatches(undefined, hash)).toBe(false)
  })
})
