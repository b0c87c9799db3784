import type { CollectionConfig } from 'payload'

import type { ResolvedEtwPluginOptions } from '../../types'

import { anyone, isContributor, isEditor } from '../../access/roles'
import { ADMIN_GROUP, MEDIA_SLUG } from '../../slugs'
import { makeImageVariants, removeImageVariants } from './hooks/imageVariants'
import { refuseRemoteFiles } from './hooks/refuseRemoteFiles'
import { etwText } from '../../utilities/labels'

/** Accepted upload types. SVG is left out on purpose: it can carry scripts. */
export const MEDIA_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/gif',
  'application/pdf',
]

/**
 * The `media` upload collection: images (three sizes, each also as AVIF and WebP) and PDF
 * documents.
 */
export const generateMediaCollection = (options: ResolvedEtwPluginOptions): CollectionConfig => ({
  slug: MEDIA_SLUG,
  labels: {
    singular: etwText('mediaSingular'),
    plural: etwText('mediaPlural'),
  },
  graphQL: { singularName: 'MediaItem', pluralName: 'Media' },
  access: {
    create: isContributor,
    delete: isEditor,
    read: anyone,
    update: isContributor,
  },
  admin: {
    group: ADMIN_GROUP,
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'mimeType', 'updatedAt'],
    listSearchableFields: ['alt', 'filename'],
    description: etwText('mediaDescription'),
  },
  hooks: options.disabled
    ? {}
    : {
        afterChange: [makeImageVariants],
        afterDelete: [removeImageVariants],
        beforeOperation: [refuseRemoteFiles],
      },
  upload: {
    ...(options.media.staticDir ? { staticDir: options.media.staticDir } : {}),
    mimeTypes: MEDIA_MIME_TYPES,
    // `pasteURL` stays unset: the admin's "paste URL" downloads the file in the editor's browser and
    // uploads it, and the server's own paste-url endpoint answers 400. An allow-list would make the
    // server fetch, and Payload sends allow-listed URLs past its private-address filter.
    // Payload also checks each file's content against its declared type and refuses SVG with
    // scripts; SVG is not in the list at all.
    focalPoint: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 400 },
      { name: 'card', width: 768 },
      { name: 'hero', width: 1600 },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      localized: true,
      required: true,
      label: etwText('mediaAltLabel'),
      admin: {
        description: etwText('mediaAltDescription'),
      },
    },
    {
      name: 'caption',
      type: 'text',
      localized: true,
      label: etwText('mediaCaptionLabel'),
    },
  ],
})
