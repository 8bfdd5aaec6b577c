/** The largest page the API gives (api/src/domain/page.rs). */
export const MAX_PAGE_SIZE = 100;

/** Every item of a paged list, page after page (lists here are short: plans, priorities, areas). */
export async function fetchAllPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const result = await fetchPage(page, MAX_PAGE_SIZE);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}
