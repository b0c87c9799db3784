export const en = {
  contributorCannotPublish: 'Contributors save drafts; an editor publishes them.',
  countryRequiredForScope: 'Choose a country for a country or region snapshot.',
  customKeyRequired: 'Enter a key for a custom metric.',
  duplicateSnapshot:
    'A snapshot of {{metric}} for {{scope}} on {{date}} already exists. Record another date, or correct the existing snapshot.',
  endsBeforeStart: 'The end must be after the start.',
  invalidCountry: '"{{value}}" is not an ISO 3166-1 alpha-2 country code (for example UA or AZ).',
  invalidCustomKey: 'Use lowercase letters a–z, digits and single hyphens only.',
  invalidTimeZone:
    '"{{value}}" is not an IANA time zone. Use a name such as Europe/Kyiv, Asia/Baku or Europe/Brussels.',
  invalidUrl: 'Enter a full web address that starts with http:// or https://.',
  metricCountries: 'Countries',
  metricProjects: 'Projects',
  metricSchools: 'Schools',
  metricStudents: 'Students',
  metricTeachers: 'Teachers',
  negativeValue: 'The value cannot be negative.',
  organizationRequiredForScope: 'Choose the organization for an organization snapshot.',
  regionRequiredForScope: 'Enter the region for a region snapshot.',
  wholeNumber: 'Enter a whole number.',
  previewBanner: 'Draft preview: readers still see the published version until you publish.',
  redeliver: 'Redeliver',
  redeliverFailed: 'The delivery could not be queued again.',
  redelivered: 'Queued: the message is sent again within a minute.',
  remoteFileRefused:
    'Upload the file itself: the server does not download files from web addresses.',
  passwordTooLong: 'Use at most {{max}} characters.',
  passwordTooShort:
    'Use at least {{min}} characters. A passphrase of a few words, spaces included, is easy to remember and hard to guess.',
  tooManyLoginAttempts:
    'Too many sign-in attempts from your network address. Try again in {{minutes}} min.',
  contributorCannotSchedule:
    'Contributors cannot schedule publishing; ask an editor to schedule or publish this item.',
  scheduleDocumentMissing: 'Save the document before scheduling it.',
  scheduleFailed: 'Scheduled publishing failed: {{message}}',
  scheduleFailuresTitle: 'Scheduled publishing that failed',
  scheduleMissingEverywhere:
    'Scheduling refused: no language has every required field ({{fields}}). Fill them in one of {{locales}}.',
  scheduleMissingInLocale:
    'Scheduling refused: {{fields}} missing in {{locale}}. Fill it in, or pick another language to publish.',
  unsafeLink: 'Links must start with http://, https:// or mailto:.',
}

/** Keys of the plugin's `etw` translation namespace. */
export type EtwTranslationKey = keyof typeof en
