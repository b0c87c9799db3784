/**
 * The body of `request`, read up to `limit` bytes; `undefined` when it is longer. A
 * `Content-Length` over the limit is refused without reading; a longer stream is cancelled at the
 * limit, so an endless body costs no more than `limit` bytes of memory.
 */
export const readBodyWithin = async (
  request: Pick<Request, 'headers'> & { body?: ReadableStream<Uint8Array> | null },
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> => {
  const declared = Number(request.headers.get('Content-Length') ?? '0')
  if (Number.isFinite(declared) && declared > limit) return undefined
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
