import type { IncomingMessage } from 'node:http'

import proxyAddr from 'proxy-addr'

/** Decides whether the proxy at `address`, `hop` steps from this server, may name the client. */
export type ProxyTrust = (address: string, hop: number) => boolean

/**
 * Reads `ETW_TRUST_PROXY`: unset or empty trusts no proxy (the socket's address is the client); a
 * number trusts that many proxy hops in front of the server; otherwise a comma-separated list of
 * addresses, CIDR ranges or the names `loopback`, `linklocal`, `uniquelocal` (proxy-addr's syntax)
 * names the proxies whose `X-Forwarded-For` entry is believed.
 */
export const parseProxyTrust = (value: string | undefined): ProxyTrust => {
  const text = value?.trim() ?? ''
  if (text === '' || text === 'false' || text === '0') return () => false
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    return (_address, hop) => hop < hops
  }
  return proxyAddr.compile(
    text
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
}

/**
 * The address of the client behind a request: the socket's remote address, or, when that peer is a
 * trusted proxy, the nearest untrusted address in `X-Forwarded-For` (entries a client wrote itself
 * before the trusted proxies are never believed).
 */
export const resolveClientAddress = (req: IncomingMessage, trust: ProxyTrust): string => {
  if (!req.socket.remoteAddress) return ''
  return proxyAddr(req, trust)
}
