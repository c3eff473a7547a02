import { useLocation, useSearchParams } from 'react-router';

import { paths } from '@/config/paths';
import { SearchBox } from '@/features/search/components/search-box';

/**
 * SearchForm is the header's search box, with completions; on the results
 * page it shows the words searched.
 */
export function SearchForm() {
  const location = useLocation();
  const [params] = useSearchParams();
  const current =
    location.pathname === paths.search ? (params.get('q') ?? '') : '';

  // A new search from elsewhere (a link, "¿Quisiste decir…?") starts afresh.
  return <SearchBox key={current} initial={current} />;
}
