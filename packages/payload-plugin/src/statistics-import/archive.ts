import type { Entry, ZipFile } from 'yauzl'

import { fromBuffer } from 'yauzl'

/** Bounds of an XLSX (a zip archive) before a spreadsheet reader may unpack it. */
export interface ArchiveLimits {
  /** Most bytes all parts together may expand to. */
  maxUncompressedBytes: number
  /** Most parts (files) in the archive. */
  maxEntries: number
}

/** Why an archive is refused: `expands` for a zip bomb, `malformed` for a broken archive. */
export class ArchiveRefused extends Error {
  constructor(
    readonly reason: 'expands' | 'malformed',
    message: string,
  ) {
    super(message)
  }
}

const open = (bytes: Buffer) =>
  new Promise<ZipFile>((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error ? reject(new ArchiveRefused('malformed', error.message)) : resolve(zip),
    )
  })

/** Inflates `entry` and counts its bytes, stopping (and failing) once `budget` is spent. */
const inflatedSize = (zip: ZipFile, entry: Entry, budget: number) =>
  new Promise<number>((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(new ArchiveRefused('malformed', error.message))
      let size = 0
      stream.on('data', (chunk: Buffer) => {
        size += chunk.byteLength
        if (size > budget) {
          stream.destroy()
          reject(new ArchiveRefused('expands', 'the archive expands beyond the limit'))
        }
      })
      // yauzl fails the stream when an entry inflates to more than its declared size.
      stream.on('error', (streamError) =>
        reject(new ArchiveRefused('malformed', streamError.message)),
      )
      stream.on('end', () => resolve(size))
    })
  })

/**
 * Checks a zip archive before anything unpacks it for real: the central directory's entry count
 * and declared sizes first, then every entry inflated and counted, stopping at the limit, so that
 * an archive whose headers understate its contents is caught too. Costs at most
 * `maxUncompressedBytes` of inflation; keeps nothing in memory.
 */
export const checkArchive = async (bytes: Buffer, limits: ArchiveLimits): Promise<void> => {
  const zip = await open(bytes)
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ArchiveRefused('expands', `the archive has ${zip.entryCount} parts`)
    }
    const entries: Entry[] = []
    let declared = 0
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        declared += entry.uncompressedSize
        if (declared > limits.maxUncompressedBytes) {
          reject(new ArchiveRefused('expands', 'the archive declares more than the limit'))
          return
        }
        entries.push(entry)
        zip.readEntry()
      })
      zip.on('end', () => resolve())
      zip.on('error', (error: Error) => reject(new ArchiveRefused('malformed', error.message)))
      zip.readEntry()
    })
    let budget = limits.maxUncompressedBytes
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue
      budget -= await inflatedSize(zip, entry, budget)
    }
  } finally {
    zip.close()
  }
}
