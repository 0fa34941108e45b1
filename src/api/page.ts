/** One page of a paged list: its items and the link to the next page, absent on the last one. */
export interface Page<T> {
  items: T[];
  next?: string;
}

/** A next link that is missing, null or empty means the last page. */
export function nextOrUndefined(link: string | null | undefined): string | undefined {
  return link ? link : undefined;
}
