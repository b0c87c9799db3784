import type { CollectionSlug, Payload, TypedLocale } from 'payload'

/**
 * Per document id, the locale its texts are served in when read in `locale`: `locale` when the
 * document has its own title there, else the default locale, which Payload filled it from. One
 * query for the ids' titles without fallback; none when `locale` is the default one.
 *
 * The ids are of documents the caller has already read with its own access, so only their titles
 * are read here.
 */
export const servedLocales = async (
  payload: Payload,
  collection: CollectionSlug,
  ids: readonly (number | string)[],
  locale: string,
): Promise<(id: number | string) => string> => {
  const defaultLocale = payload.config.localization
    ? payload.config.localization.defaultLocale
    : locale
  if (locale === defaultLocale || ids.length === 0) return () => locale
  const { docs } = await payload.find({
    collection,
    depth: 0,
    draft: false,
    fallbackLocale: false as unknown as TypedLocale,
    limit: ids.length,
    locale: locale as TypedLocale,
    overrideAccess: true,
    pagination: false,
    select: { title: true },
    where: { id: { in: [...new Set(ids)] } },
  })
  const own = new Set(
    (docs as { id: number | string; title?: unknown }[])
      .filter((doc) => typeof doc.title === 'string' && doc.title.trim() !== '')
      .map((doc) => String(doc.id)),
  )
  return (id) => (own.has(String(id)) ? locale : defaultLocale)
}
