import type { CollectionBeforeChangeHook } from 'payload'

/** Gives the first user of an empty database the `admin` role, so someone can manage the others. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({
    collection: collection.slug,
    overrideAccess: true,
    req,
  })
  if (totalDocs === 0) data.roles = ['admin']
  return data
}
