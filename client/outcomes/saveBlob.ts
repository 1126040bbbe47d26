/**
 * Hand a Blob to the browser as a download. The object URL is revoked a little later:
 * revoking at once can cancel the download in some browsers.
 */
const REVOKE_AFTER_MS = 30_000

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
}
