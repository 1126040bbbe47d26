import { AssetRecordType, getHashForString, type Editor, type TLBookmarkAsset } from 'tldraw'

/**
 * tldraw unfurls a pasted link by fetching the page it points to (for its title and
 * image). Catchball makes no request to any outside host, so a link becomes a bookmark
 * that shows the address itself.
 */
export function keepLinksLocal(editor: Editor): void {
  editor.registerExternalAssetHandler('url', async ({ url }) => {
    const asset: TLBookmarkAsset = {
      id: AssetRecordType.createId(getHashForString(url)),
      typeName: 'asset',
      type: 'bookmark',
      props: { src: url, title: url, description: '', image: '', favicon: '' },
      meta: {},
    }
    return asset
  })
}
