import { TextField } from "@/components/ui/fields";

interface SearchFormProps {
  query: string;
  labels: { field: string; submit: string };
}

/** The results page's own field: the search as typed, to refine it. */
export function SearchForm({ query, labels }: SearchFormProps) {
  return (
    <form method="get" action="/search" role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex-1">
        <TextField id="search-page-q" name="q" type="search" label={labels.field} defaultValue={query} maxLength={300} autoComplete="off" enterKeyHint="search" />
      </div>
      <button type="submit" className="btn-primary">
        {labels.submit}
      </button>
    </form>
  );
}
