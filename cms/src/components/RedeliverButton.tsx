'use client'

import { etwT } from '@etw/payload-plugin/i18n'
import { Button, toast, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

/**
 * "Redeliver" on a webhook delivery: asks the CMS to send the logged message again (same
 * `webhook-id`, new tries) and says whether it was queued.
 */
export const RedeliverButton = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const text = etwT(t)
  if (id === undefined) return null

  const redeliver = async () => {
    setBusy(true)
    try {
      const response = await fetch(
        `${config.serverURL}${config.routes.api}/webhook-deliveries/${id}/redeliver`,
        { credentials: 'include', method: 'POST' },
      )
      if (response.ok) toast.success(text('redelivered'))
      else toast.error(text('redeliverFailed'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button buttonStyle="secondary" disabled={busy} onClick={redeliver} size="medium">
      {text('redeliver')}
    </Button>
  )
}
