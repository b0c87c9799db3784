import type { TFunction } from '@payloadcms/translations'
import type {
  CollectionSlug,
  Field,
  LabelFunction,
  Payload,
  SchedulePublishTaskInput,
  StaticLabel,
} from 'payload'

import { APIError, flattenTopLevelFields } from 'payload'

import { hasRole } from '../access/roles'
import { translate } from '../utilities/translate'

/** What a scheduled publication will do once its job runs. */
export interface SchedulePlan {
  /**
   * Locale the job publishes in: the one the editor picked, or else the first locale (default
   * first) whose required fields are filled. `undefined` without localization.
   */
  locale: string | undefined
  /** Whether only `locale` goes live (the editor picked it), or the whole draft. */
  onlyThisLocale: boolean
}

/** A refused schedule: HTTP 400 with a message naming what is missing. */
export class ScheduleRefused extends APIError {
  constructor(message: string) {
    super(message, 400, undefined, true)
  }
}

type Named = { label?: unknown; name: string }

const textOf = (label: unknown, language: string, fallback: string): string => {
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') {
    const byLanguage = label as Record<string, string>
    return byLanguage[language] ?? byLanguage.en ?? Object.values(byLanguage)[0] ?? fallback
  }
  return fallback
}

const isFilled = (value: unknown): boolean => {
  if (value === null || value === undefined) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return true
}

/** Top-level localized fields that must have a value before a document is published. */
const requiredLocalizedFields = (fields: Field[]): Named[] =>
  (
    flattenTopLevelFields(fields) as unknown as (Named & {
      localized?: boolean
      required?: boolean
    })[]
  ).filter(
    (field) =>
      typeof field.name === 'string' && field.localized === true && field.required === true,
  )

const userRoles = async (payload: Payload, user: SchedulePublishTaskInput['user']) => {
  if (user === null || user === undefined || typeof user !== 'object') return undefined
  return payload
    .findByID({
      collection: user.relationTo,
      depth: 0,
      disableErrors: true,
      id: user.value,
      overrideAccess: true,
    })
    .catch(() => null)
}

/**
 * Checks a scheduled publication of a drafted document (the `schedulePublish` task's input) against
 * the latest draft and the scheduling user, and says how the job will publish it. Throws
 * {@link ScheduleRefused} when the user may not publish (a contributor) or when no locale — or not
 * the one the editor picked — has every required field, naming the missing fields and locales.
 * Unpublishing and globals pass unchecked. Messages come through `t`, field and locale names in
 * `language` (both the admin's when the request is at hand; English otherwise).
 */
export const planSchedule = async (
  payload: Payload,
  input: SchedulePublishTaskInput | undefined,
  t?: TFunction,
  language?: string,
): Promise<SchedulePlan> => {
  if (input?.type && input.type !== 'publish') return { locale: undefined, onlyThisLocale: false }
  const picked = input?.locale || undefined
  const plan: SchedulePlan = { locale: picked, onlyThisLocale: Boolean(picked) }
  if (!input?.doc) return plan

  const labelLanguage = language ?? 'en'
  if (input.user !== undefined && input.user !== null) {
    const user = await userRoles(payload, input.user)
    if (!user || !hasRole(user, 'admin', 'editor')) {
      throw new ScheduleRefused(translate(t, 'contributorCannotSchedule'))
    }
  }

  const collection = payload.collections[input.doc.relationTo as CollectionSlug]
  const localization = payload.config.localization
  if (!collection || !localization) return plan
  const idType = collection.customIDType ?? payload.db.defaultIDType
  const id = idType === 'number' ? Number(input.doc.value) : input.doc.value
  const draft = (await payload.findByID({
    collection: collection.config.slug,
    depth: 0,
    disableErrors: true,
    draft: true,
    id,
    locale: 'all',
    overrideAccess: true,
  })) as Record<string, unknown> | null
  if (!draft) {
    throw new ScheduleRefused(translate(t, 'scheduleDocumentMissing'))
  }

  const required = requiredLocalizedFields(collection.config.fields)
  const missingIn = (code: string) =>
    required.filter((field) => {
      const values = draft[field.name]
      return !isFilled(
        values && typeof values === 'object' ? (values as Record<string, unknown>)[code] : values,
      )
    })
  const localeName = (code: string) => {
    const locale = localization.locales.find((candidate) => candidate.code === code)
    return `${textOf(locale?.label, labelLanguage, code)} (${code})`
  }
  const fieldNames = (fields: Named[]) =>
    fields
      .map((field) =>
        textOf(
          typeof field.label === 'function'
            ? (field.label as LabelFunction)({
                i18n: { language: labelLanguage } as never,
                t: t as never,
              })
            : (field.label as StaticLabel | undefined),
          labelLanguage,
          field.name,
        ),
      )
      .join(', ')

  if (picked) {
    const missing = missingIn(picked)
    if (missing.length > 0) {
      throw new ScheduleRefused(
        translate(t, 'scheduleMissingInLocale', {
          fields: fieldNames(missing),
          locale: localeName(picked),
        }),
      )
    }
    return plan
  }

  const codes = [
    localization.defaultLocale,
    ...localization.localeCodes.filter((code) => code !== localization.defaultLocale),
  ]
  const ready = codes.find((code) => missingIn(code).length === 0)
  if (ready === undefined) {
    throw new ScheduleRefused(
      translate(t, 'scheduleMissingEverywhere', {
        fields: fieldNames(required),
        locales: codes.map(localeName).join(', '),
      }),
    )
  }
  return { locale: ready, onlyThisLocale: false }
}
