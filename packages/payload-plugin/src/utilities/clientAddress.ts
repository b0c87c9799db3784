/**
 * Header the CMS server sets on every request to the address of the connecting client (taken from
 * the socket, never from the incoming request: a value sent by the client is replaced). Login
 * throttling and the audit trail read it.
 */
export const CLIENT_ADDRESS_HEADER = 'x-etw-client-address'

/** The client address the CMS server recorded on `headers`, if any. */
export const clientAddress = (headers: Headers | undefined): string | undefined =>
  headers?.get(CLIENT_ADDRESS_HEADER) ?? undefined
