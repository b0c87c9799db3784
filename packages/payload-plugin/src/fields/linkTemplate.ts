import { applyLinkTemplate } from '@etw/client'

import type { ValidatorArgs } from './validators'

import { translate } from '../utilities/translate'

/** Values a template is tried with: a result that is an http(s) URL for these is one for any item. */
const SAMPLE = { id: '1', locale: 'en', slug: 'sample' }

/**
 * Field validator of a link template: empty, or a template whose result (with `{slug}`, `{id}` and
 * `{locale}` filled) is an absolute `http:`/`https:` URL.
 */
export const validateLinkTemplate = (value: unknown, args: ValidatorArgs = {}): string | true => {
  if (value === undefined || value === null || value === '') return true
  return (
    (typeof value === 'string' && applyLinkTemplate(value, SAMPLE) !== null) ||
    translate(args.req?.t, 'invalidLinkTemplate')
  )
}
