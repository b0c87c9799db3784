import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, SanitizedConfig } from 'payload'

import fs from 'node:fs/promises'
import path from 'node:path'

/** Modern formats made of every stored image, original and each size, best first. */
export const VARIANT_FORMATS = ['avif', 'webp'] as const

export type VariantFormat = (typeof VARIANT_FORMATS)[number]

/** Types a variant is made of: still raster images (a GIF may move; a variant would not). */
const SOURCE_TYPES = /^image\/(jpeg|png|webp|avif)$/

/** File name of the `format` variant of `filename` (`card-768x432.png` → `card-768x432.png.avif`). */
export const variantName = (filename: string, format: VariantFormat) => `${filename}.${format}`

/** One stored file of a media document. */
export interface StoredImage {
  filename: string
  width: number
  height: number
}

/** The stored files of a media document: the original, then each size Payload made. */
export const storedImages = (doc: Record<string, unknown>): StoredImage[] => {
  const out: StoredImage[] = []
  const add = (value: unknown) => {
    const file = value as Partial<StoredImage> | null | undefined
    if (
      typeof file?.filename === 'string' &&
      file.filename &&
      typeof file.width === 'number' &&
      typeof file.height === 'number'
    ) {
      out.push({ filename: file.filename, width: file.width, height: file.height })
    }
  }
  add(doc)
  for (const size of Object.values((doc.sizes ?? {}) as Record<string, unknown>)) add(size)
  return out
}

/**
 * Encoder settings per format: about what JPEG 80 looks like, for far fewer bytes. AVIF at effort
 * 2 (of 9) encodes several times faster than its default, which keeps uploads and the seed quick.
 */
const ENCODING: Record<VariantFormat, { quality: number; effort: number }> = {
  avif: { quality: 55, effort: 2 },
  webp: { quality: 78, effort: 4 },
}

/** The media directory of a collection's upload config, absolute. */
export const staticDirOf = (upload: unknown): string =>
  path.resolve(((upload ?? {}) as { staticDir?: string }).staticDir ?? 'media')

const removeVariants = async (dir: string, doc: Record<string, unknown>) => {
  for (const { filename } of storedImages(doc)) {
    for (const format of VARIANT_FORMATS) {
      await fs.rm(path.join(dir, variantName(filename, format)), { force: true })
    }
  }
}

/**
 * `afterChange` hook of the media collection: makes an AVIF and a WebP variant of the original and
 * of every size with the config's sharp, next to the stored files, whenever the file is new. The
 * variants of a replaced file are removed.
 */
export const makeImageVariants: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  const sharp = (req.payload.config as SanitizedConfig).sharp
  const dir = staticDirOf(collection.upload)
  const previous = previousDoc as Record<string, unknown> | undefined
  if (previous && previous.filename === doc.filename) {
    const same = storedImages(previous)
      .map((file) => file.filename)
      .join()
    if (
      same ===
      storedImages(doc)
        .map((file) => file.filename)
        .join()
    )
      return doc
  }
  if (previous && previous.filename && previous.filename !== doc.filename) {
    await removeVariants(dir, previous)
  }
  if (!sharp || typeof doc.mimeType !== 'string' || !SOURCE_TYPES.test(doc.mimeType)) return doc
  for (const { filename } of storedImages(doc)) {
    for (const format of VARIANT_FORMATS) {
      if (doc.mimeType === `image/${format}`) continue
      await sharp(path.join(dir, filename))
        .toFormat(format, ENCODING[format])
        .toFile(path.join(dir, variantName(filename, format)))
    }
  }
  return doc
}

/** `afterDelete` hook of the media collection: removes the variants with the stored files. */
export const removeImageVariants: CollectionAfterDeleteHook = async ({ collection, doc }) => {
  await removeVariants(staticDirOf(collection.upload), doc as Record<string, unknown>)
  return doc
}
