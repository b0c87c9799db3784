import type { EtwTranslationKey } from './en'

export const az: Record<EtwTranslationKey, string> = {
  contributorCannotPublish: 'Müəlliflər qaralama saxlayır; onları redaktor dərc edir.',
  countryRequiredForScope: 'Ölkə və ya region üzrə qeyd üçün ölkə seçin.',
  customKeyRequired: 'Fərdi göstərici üçün açar daxil edin.',
  duplicateSnapshot:
    '{{metric}} göstəricisi üçün {{scope}} üzrə {{date}} tarixli qeyd artıq mövcuddur. Başqa tarix seçin və ya mövcud qeydi düzəldin.',
  endsBeforeStart: 'Bitmə vaxtı başlama vaxtından sonra olmalıdır.',
  invalidCountry: '"{{value}}" ISO 3166-1 alpha-2 ölkə kodu deyil (məsələn, UA və ya AZ).',
  invalidCustomKey: 'Yalnız kiçik latın hərfləri a–z, rəqəmlər və tək defislərdən istifadə edin.',
  invalidTimeZone:
    '"{{value}}" IANA saat qurşağı deyil. Europe/Kyiv, Asia/Baku və ya Europe/Brussels kimi ad daxil edin.',
  invalidUrl: 'http:// və ya https:// ilə başlayan tam veb ünvanı daxil edin.',
  metricCountries: 'Ölkələr',
  metricProjects: 'Layihələr',
  metricSchools: 'Məktəblər',
  metricStudents: 'Şagirdlər',
  metricTeachers: 'Müəllimlər',
  negativeValue: 'Dəyər mənfi ola bilməz.',
  organizationRequiredForScope: 'Təşkilat üzrə qeyd üçün təşkilatı seçin.',
  regionRequiredForScope: 'Region üzrə qeyd üçün regionu daxil edin.',
  wholeNumber: 'Tam ədəd daxil edin.',
  previewBanner: 'Qaralamanın önizləməsi: dərc edənə qədər oxucular dərc olunmuş versiyanı görür.',
  redeliver: 'Yenidən göndər',
  redeliverFailed: 'Çatdırılmanı yenidən növbəyə qoymaq alınmadı.',
  redelivered: 'Növbədədir: mesaj bir dəqiqə ərzində yenidən göndəriləcək.',
  remoteFileRefused: 'Faylın özünü yükləyin: server veb ünvanlardan fayl endirmir.',
  passwordTooLong: 'Ən çoxu {{max}} simvoldan istifadə edin.',
  passwordTooShort:
    'Ən azı {{min}} simvoldan istifadə edin. Boşluqlarla bir neçə sözdən ibarət ifadəni yadda saxlamaq asan, təxmin etmək çətindir.',
  tooManyLoginAttempts:
    'Şəbəkə ünvanınızdan həddən çox giriş cəhdi edilib. {{minutes}} dəqiqədən sonra yenidən cəhd edin.',
  contributorCannotSchedule:
    'Müəlliflər dərci planlaşdıra bilməz; bu materialı planlaşdırmağı və ya dərc etməyi redaktordan xahiş edin.',
  scheduleDocumentMissing: 'Planlaşdırmadan əvvəl sənədi yadda saxlayın.',
  scheduleFailed: 'Planlaşdırılmış dərc alınmadı: {{message}}',
  scheduleFailuresTitle: 'Alınmayan planlaşdırılmış dərclər',
  scheduleMissingEverywhere:
    'Planlaşdırma rədd edildi: heç bir dildə bütün məcburi sahələr ({{fields}}) doldurulmayıb. Onları bu dillərdən birində doldurun: {{locales}}.',
  scheduleMissingInLocale:
    'Planlaşdırma rədd edildi: {{locale}} dilində {{fields}} doldurulmayıb. Doldurun və ya dərc üçün başqa dil seçin.',
  unsafeLink: 'Linklər http://, https:// və ya mailto: ilə başlamalıdır.',
}
