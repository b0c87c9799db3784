import { describe, expect, it } from 'vitest'

import { isPublicAddress, refusedLiteral } from './address'

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    'fe80::1',
    'fc00::1',
    '::ffff:127.0.0.1',
    'not an address',
  ])('should refuse %s', (address) => {
    expect(isPublicAddress(address)).toBe(false)
  })

  it.each(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '::ffff:8.8.8.8'])(
    'should accept the public address %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true)
    },
  )
})

describe('refusedLiteral', () => {
  it('should refuse a URL whose host is a loopback address literal', () => {
    expect(refusedLiteral('http://[::1]:8080/hook')?.message).toContain(
      'a loopback, private or link-local address',
    )
  })

  it('should leave host names to the lookup', () => {
    expect(refusedLiteral('http://localhost/hook')).toBeUndefined()
  })
})
