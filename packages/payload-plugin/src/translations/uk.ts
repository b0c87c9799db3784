import type { EtwTranslationKey } from './en'

export const uk: Record<EtwTranslationKey, string> = {
  contributorCannotPublish: 'Автори зберігають чернетки; публікує їх редактор.',
  countryRequiredForScope: 'Оберіть країну для знімка за країною або регіоном.',
  customKeyRequired: 'Вкажіть ключ для власного показника.',
  duplicateSnapshot:
    'Знімок показника {{metric}} для {{scope}} на {{date}} уже існує. Вкажіть іншу дату або виправте наявний знімок.',
  endsBeforeStart: 'Завершення має бути пізніше за початок.',
  invalidCountry: '«{{value}}» не є кодом країни ISO 3166-1 alpha-2 (наприклад, UA або AZ).',
  invalidCustomKey: 'Використовуйте лише малі латинські літери a–z, цифри та поодинокі дефіси.',
  invalidTimeZone:
    '«{{value}}» не є часовим поясом IANA. Вкажіть назву на кшталт Europe/Kyiv, Asia/Baku або Europe/Brussels.',
  invalidUrl: 'Введіть повну вебадресу, що починається з http:// або https://.',
  metricCountries: 'Країни',
  metricProjects: 'Проєкти',
  metricSchools: 'Школи',
  metricStudents: 'Учні',
  metricTeachers: 'Учителі',
  negativeValue: 'Значення не може бути від’ємним.',
  organizationRequiredForScope: 'Оберіть організацію для знімка за організацією.',
  regionRequiredForScope: 'Вкажіть регіон для знімка за регіоном.',
  wholeNumber: 'Введіть ціле число.',
  previewBanner:
    'Попередній перегляд чернетки: читачі бачать опубліковану версію, доки ви не опублікуєте.',
  redeliver: 'Надіслати ще раз',
  redeliverFailed: 'Не вдалося знову поставити доставку в чергу.',
  redelivered: 'У черзі: повідомлення буде надіслано ще раз протягом хвилини.',
  remoteFileRefused: 'Завантажте сам файл: сервер не завантажує файли за вебадресами.',
  passwordTooLong: 'Використовуйте не більше {{max}} символів.',
  passwordTooShort:
    'Використовуйте щонайменше {{min}} символів. Фразу з кількох слів, разом із пробілами, легко запам’ятати й важко вгадати.',
  tooManyLoginAttempts:
    'Забагато спроб входу з вашої мережевої адреси. Спробуйте ще раз за {{minutes}} хв.',
  contributorCannotSchedule:
    'Автори не можуть планувати публікацію; попросіть редактора запланувати або опублікувати цей матеріал.',
  scheduleDocumentMissing: 'Збережіть документ, перш ніж планувати публікацію.',
  scheduleFailed: 'Запланована публікація не вдалася: {{message}}',
  scheduleFailuresTitle: 'Заплановані публікації, що не вдалися',
  scheduleMissingEverywhere:
    'Планування відхилено: жодна мова не має всіх обов’язкових полів ({{fields}}). Заповніть їх однією з мов: {{locales}}.',
  scheduleMissingInLocale:
    'Планування відхилено: не заповнено {{fields}} ({{locale}}). Заповніть або оберіть іншу мову публікації.',
  unsafeLink: 'Посилання мають починатися з http://, https:// або mailto:.',
}
