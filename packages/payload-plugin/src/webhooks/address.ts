import type { LookupAddress, LookupOptions } from 'node:dns'

import { lookup } from 'node:dns'
import ipaddr from 'ipaddr.js'

/** Whether the operator lets webhooks reach private addresses (`ETW_WEBHOOKS_ALLOW_PRIVATE=true`). */
export const privateAddressesAllowed = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.ETW_WEBHOOKS_ALLOW_PRIVATE === 'true'

/**
 * Whether `address` (IPv4 or IPv6) is a public unicast address: not loopback, private, link-local,
 * unique-local, carrier-grade NAT, multicast, reserved or unspecified. IPv4-mapped IPv6 addresses
 * are judged as the IPv4 address they carry.
 */
export const isPublicAddress = (address: string): boolean => {
  if (!ipaddr.isValid(address)) return false
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  }
  return parsed.range() === 'unicast'
}

/** The error of a refused address; its message is what the delivery log shows. */
export class AddressRefused extends Error {
  constructor(hostname: string, address: string) {
    super(
      `${hostname} resolves to ${address}, a loopback, private or link-local address; webhooks are not sent there (ETW_WEBHOOKS_ALLOW_PRIVATE=true allows it).`,
    )
    this.name = 'AddressRefused'
  }
}

/**
 * The refusal of a URL whose host is an address literal (`http://127.0.0.1/`, `http://[::1]/`),
 * which connects without any name lookup; `undefined` for names and allowed addresses.
 */
export const refusedLiteral = (url: string): AddressRefused | undefined => {
  const hostname = new URL(url).hostname.replace(/^\[|\]$/g, '')
  if (!ipaddr.isValid(hostname) || privateAddressesAllowed() || isPublicAddress(hostname)) {
    return undefined
  }
  return new AddressRefused(hostname, hostname)
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: LookupAddress[] | string,
  family?: number,
) => void

/**
 * `dns.lookup` for the connection of a delivery: resolves the name once and refuses it when any of
 * its addresses is not public, so the address checked is the address connected to (no second
 * resolution a DNS rebinding could answer differently).
 */
export const guardedLookup = (
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
): void => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, [])
    if (!privateAddressesAllowed()) {
      const refused = addresses.find(({ address }) => !isPublicAddress(address))
      if (refused) return callback(new AddressRefused(hostname, refused.address), [])
    }
    if (options.all) return callback(null, addresses)
    const [first] = addresses
    if (!first) return callback(new Error(`${hostname} has no address`), [])
    callback(null, first.address, first.family)
  })
}

/**
 * Resolves the host of `url` and says why it may not receive webhooks, or `undefined` when it may.
 * Used when an endpoint is saved, so an admin learns it at once.
 */
export const refusedAddress = async (url: string): Promise<string | undefined> => {
  if (privateAddressesAllowed()) return undefined
  const hostname = new URL(url).hostname.replace(/^\[|\]$/g, '')
  return new Promise((resolve) => {
    guardedLookup(hostname, { all: true }, (error) => {
      resolve(error instanceof AddressRefused ? error.message : undefined)
    })
  })
}
