import type { PayloadRequest } from 'payload'

import type { EtwTranslationKey } from '../translations'

import { readBodyWithin } from '../utilities/readBodyWithin'
import { translate } from '../utilities/translate'
import { ImportFileError } from './parse'

/** Room for a multipart body's boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024

const refuse = (req: PayloadRequest, status: 400 | 413, key: EtwTranslationKey, vars = {}) =>
  new ImportFileError(status, translate(req.t, key, vars))

/** The spreadsheet a request carries, with the file's name when it has one. */
export interface UploadedFile {
  bytes: Uint8Array
  fileName: string
}

const BODY_TYPES = new Set([
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'text/plain',
])

/**
 * The file of an import request: the `file` part of a `multipart/form-data` body, or the whole body
 * of a `text/csv` (or XLSX, `application/octet-stream`) request. A body over `maxBytes` is refused
 * with 413 before more of it is read; anything else with a 400 that says what to send.
 */
export const readUpload = async (req: PayloadRequest, maxBytes: number): Promise<UploadedFile> => {
  // The boundary is case-sensitive: only the media type is compared in lower case.
  const contentType = req.headers.get('content-type') ?? ''
  const mediaType = contentType.split(';', 1)[0]!.trim().toLowerCase()
  const tooLarge = () => refuse(req, 413, 'importTooLarge', { limit: maxBytes })
  if (mediaType === 'multipart/form-data') {
    const bytes = await readBodyWithin(req, maxBytes + MULTIPART_OVERHEAD)
    if (!bytes) throw tooLarge()
    let form: FormData
    try {
      form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData()
    } catch {
      throw refuse(req, 400, 'importUnknownFormat')
    }
    const file = form.get('file')
    if (!file || typeof file === 'string') throw refuse(req, 400, 'importUnknownFormat')
    if (file.size > maxBytes) throw tooLarge()
    return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || 'upload' }
  }
  if (BODY_TYPES.has(mediaType)) {
    const bytes = await readBodyWithin(req, maxBytes)
    if (!bytes) throw tooLarge()
    const name = new URL(req.url ?? 'http://localhost').searchParams.get('fileName')
    return { bytes, fileName: name?.slice(0, 200) || (mediaType === 'text/csv' ? 'CSV' : 'upload') }
  }
  throw refuse(req, 400, 'importUnknownFormat')
}
