import { useCallback, useDeferredValue, useEffect, useEffectEvent, useMemo, useRef, type Dispatch, type KeyboardEvent, type SetStateAction } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CandidateListItem, CandidateSortKey } from '../../contract/types.ts';
import { candidateStatuses } from '../../contract/types.ts';
import { evidenceLevels, subRoleIds } from '../../contract/analysis.ts';
import { evidenceLabels, formatDate, formatYears, plural, statusLabels, subRoleLabels, toolName } from '../format.ts';
import { buildSearchIndex, candidateSearchFields, searchCandidates } from '../candidate-search.ts';
import { emptyFilters, filterAndSort, matchesFilters, type ListFilters } from '../../contract/candidate-list.ts';
import { activeFilterCount, type ListView } from '../list-view.ts';
import { EvidenceMeter, PaddingTag, RecruiterMark, StatusBadge, SubRoleBadge } from '../components/Badges.tsx';
import { EmptyState, ErrorBanner, Loading } from '../components/Feedback.tsx';

export type ListLoad =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  /** The strongest candidates, shown while the whole list is on its way (at start only). */
  | { state: 'first-page'; items: CandidateListItem[]; total: number }
  | { state: 'ready'; items: CandidateListItem[] };

interface Props {
  load: ListLoad;
  view: ListView;
  setView: Dispatch<SetStateAction<ListView>>;
  onOpen: (id: number) => void;
  onReload: () => void;
  onGoImport: () => void;
  onImportSamples: () => void;
  isImporting: boolean;
  searchRef: React.RefObject<HTMLInputElement | null>;
}

const rowHeight = 52;

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function CandidatesScreen(props: Props) {
  const { load, view, setView } = props;
  const items = load.state === 'ready' || load.state === 'first-page' ? load.items : null;
  /** Search, tool options and the count need the whole list. */
  const wholeList = load.state === 'ready' ? load.items : null;

  // Built once per list load; each keystroke then costs an index look-up (renderer/candidate-search.ts).
  // Building it takes longer than showing the list, so it is built in a render after the list is painted.
  const itemsToIndex = useDeferredValue(wholeList, null);
  const searchIndex = useMemo(() => (itemsToIndex ? buildSearchIndex(itemsToIndex, candidateSearchFields(toolName)) : null), [itemsToIndex]);

  const toolOptions = useMemo(() => {
    const ids = new Set<string>();
    for (const item of wholeList ?? []) for (const id of [...item.toolsShipped, ...item.toolsListed]) ids.add(id);
    return [...ids].map((id) => ({ id, name: toolName(id) })).sort((a, b) => a.name.localeCompare(b.name));
  }, [wholeList]);

  const query = useDeferredValue(view.query.trim());
  const rows = useMemo(() => {
    if (!items) return [];
    const found = searchIndex?.items === items ? searchCandidates(searchIndex, query) : null;
    if (found === null) return filterAndSort(items, view.filters, view.sort, view.direction);
    // With a search, best matches come first.
    return found.filter((item) => matchesFilters(item, view.filters));
  }, [items, searchIndex, query, view.filters, view.sort, view.direction]);

  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parentRef.current, estimateSize: () => rowHeight, overscan: 12 });

  const selectedIndex = view.selectedId === null ? -1 : rows.findIndex((row) => row.id === view.selectedId);

  const moveSelection = useCallback(
    (delta: number) => {
      if (rows.length === 0) return;
      const next = selectedIndex === -1 ? (delta > 0 ? 0 : rows.length - 1) : Math.max(0, Math.min(rows.length - 1, selectedIndex + delta));
      const row = rows[next];
      if (!row) return;
      setView((current) => ({ ...current, selectedId: row.id }));
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [rows, selectedIndex, setView, virtualizer],
  );

  const { onOpen, searchRef } = props;
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === '/' && !isTypingTarget(event.target)) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      if (isTypingTarget(event.target)) return;
      if (event.key === 'ArrowDown' || event.key === 'j') {
        event.preventDefault();
        moveSelection(1);
      } else if (event.key === 'ArrowUp' || event.key === 'k') {
        event.preventDefault();
        moveSelection(-1);
      } else if (event.key === 'Enter' && view.selectedId !== null && selectedIndex !== -1) {
        event.preventDefault();
        onOpen(view.selectedId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [moveSelection, onOpen, searchRef, selectedIndex, view.selectedId]);

  // Keep the remembered selection in view when coming back to the list (on mount and when the
  // list loads), not whenever the selection moves: moving it scrolls by itself.
  const scrollToSelection = useEffectEvent(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  });
  useEffect(() => scrollToSelection(), [items]);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      moveSelection(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      moveSelection(-1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const target = selectedIndex >= 0 ? rows[selectedIndex] : rows[0];
      if (target) onOpen(target.id);
    } else if (event.key === 'Escape') {
      if (view.query) setView((current) => ({ ...current, query: '' }));
      else event.currentTarget.blur();
    }
  };

  const setFilter = <K extends keyof ListFilters>(key: K, value: ListFilters[K]) =>
    setView((current) => ({ ...current, filters: { ...current.filters, [key]: value } }));

  const setSort = (sort: CandidateSortKey) =>
    setView((current) => ({
      ...current,
      sort,
      direction: current.sort === sort ? (current.direction === 'asc' ? 'desc' : 'asc') : sort === 'name' ? 'asc' : 'desc',
    }));

  const filterCount = activeFilterCount(view.filters);
  const total = load.state === 'first-page' ? load.total : (items?.length ?? 0);

  return (
    <div className="screen screen-candidates">
      <header className="screen-header">
        <div>
          <h1>Candidates</h1>
          <div className="header-meta">
            <p className="subtle" data-testid="result-count">
              {items === null
                ? '\u00a0'
                : rows.length === total
                  ? plural(total, 'candidate')
                  : `${rows.length.toLocaleString()} of ${plural(total, 'candidate')}`}
            </p>
            {filterCount > 0 && (
              <button type="button" className="button button-small button-ghost" onClick={() => setView((current) => ({ ...current, filters: emptyFilters }))}>
                Clear {plural(filterCount, 'filter')}
              </button>
            )}
          </div>
        </div>
        <div className="search">
          <label htmlFor="candidate-search" className="visually-hidden">
            Search candidates
          </label>
          <svg className="search-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
            <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          <input
            id="candidate-search"
            ref={searchRef}
            className="input search-input"
            type="search"
            placeholder="Search name, title, employer, tool, location"
            value={view.query}
            onChange={(event) => setView((current) => ({ ...current, query: event.target.value }))}
            onKeyDown={onSearchKey}
            autoComplete="off"
            spellCheck={false}
          />
          <kbd className="search-hint" aria-hidden="true">
            /
          </kbd>
        </div>
      </header>

      <div className="filters" role="group" aria-label="Filters">
        <Select label="Sub-role" value={view.filters.subRole} onChange={(value) => setFilter('subRole', value as ListFilters['subRole'])}>
          <option value="">All sub-roles</option>
          {subRoleIds.map((id) => (
            <option key={id} value={id}>
              {subRoleLabels[id]}
            </option>
          ))}
        </Select>
        <Select label="Evidence" value={view.filters.evidenceLevel} onChange={(value) => setFilter('evidenceLevel', value as ListFilters['evidenceLevel'])}>
          <option value="">Any evidence</option>
          {evidenceLevels.map((level) => (
            <option key={level} value={level}>
              {evidenceLabels[level]}
            </option>
          ))}
        </Select>
        <Select label="Padding" value={view.filters.padding} onChange={(value) => setFilter('padding', value as ListFilters['padding'])}>
          <option value="">Padded or not</option>
          <option value="padded">Padded</option>
          <option value="clean">Not padded</option>
        </Select>
        <Select label="Tool" value={view.filters.tool} onChange={(value) => setFilter('tool', value)}>
          <option value="">Any tool</option>
          {toolOptions.map((tool) => (
            <option key={tool.id} value={tool.id}>
              {tool.name}
            </option>
          ))}
        </Select>
        <Select label="Tool use" value={view.filters.toolStatus} onChange={(value) => setFilter('toolStatus', value as ListFilters['toolStatus'])} isDisabled={!view.filters.tool}>
          <option value="">Shipped or listed</option>
          <option value="evidence">Shipped with it</option>
          <option value="listed">Only lists it</option>
        </Select>
        <label className="filter">
          <span className="filter-label">Location</span>
          <input aria-label="Location" className="input input-small" value={view.filters.location} placeholder="Any location" onChange={(event) => setFilter('location', event.target.value)} />
        </label>
        <Select label="Status" value={view.filters.status} onChange={(value) => setFilter('status', value as ListFilters['status'])}>
          <option value="">Any status</option>
          {candidateStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </Select>
      </div>

      {load.state === 'error' && <ErrorBanner message={load.message} onRetry={props.onReload} />}
      {load.state === 'loading' && <Loading label="Loading candidates…" />}
      {items !== null && total === 0 && (
        <EmptyState
          title="No candidates yet"
          actions={
            <>
              <button type="button" className="button button-primary" onClick={props.onGoImport}>
                Import resumes…
              </button>
              <button type="button" className="button" onClick={props.onImportSamples} disabled={props.isImporting}>
                Import sample resumes
              </button>
            </>
          }
        >
          Import a folder of resumes and Shipped sorts engineers who shipped ML systems from those who list the keywords.
        </EmptyState>
      )}

      {items !== null && total > 0 && (
        <div className="table" role="grid" aria-label="Candidates" aria-rowcount={rows.length + 1} aria-colcount={8}>
          <div className="table-head" role="row" aria-rowindex={1}>
            <SortHeader label="Candidate" sortKey="name" view={view} onSort={setSort} />
            <div role="columnheader" className="cell">Sub-role</div>
            <SortHeader label="Evidence" sortKey="evidence" view={view} onSort={setSort} />
            <div role="columnheader" className="cell">Padding</div>
            <SortHeader label="Years" sortKey="years" view={view} onSort={setSort} isNumeric />
            <div role="columnheader" className="cell">Shipped with</div>
            <div role="columnheader" className="cell">Status</div>
            <SortHeader label="Imported" sortKey="imported" view={view} onSort={setSort} />
          </div>
          {rows.length === 0 ? (
            <EmptyState
              title="No candidates match"
              actions={
                <button type="button" className="button" onClick={() => setView((current) => ({ ...current, query: '', filters: emptyFilters }))}>
                  Clear search and filters
                </button>
              }
            >
              Try fewer filters or a shorter search.
            </EmptyState>
          ) : (
            <div className="table-body" ref={parentRef} data-testid="candidate-rows">
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {virtualizer.getVirtualItems().map((virtualRow) => {
                  const item = rows[virtualRow.index];
                  if (!item) return null;
                  const isSelected = item.id === view.selectedId;
                  return (
                    <div
                      key={item.id}
                      role="row"
                      aria-rowindex={virtualRow.index + 2}
                      aria-selected={isSelected}
                      className={`table-row${isSelected ? ' is-selected' : ''}`}
                      style={{ height: virtualRow.size, transform: `translateY(${virtualRow.start}px)` }}
                      data-candidate-id={item.id}
                      onClick={() => setView((current) => ({ ...current, selectedId: item.id }))}
                      onDoubleClick={() => onOpen(item.id)}
                    >
                      <div role="gridcell" className="cell cell-name">
                        <button type="button" className="link-button name" onClick={() => onOpen(item.id)} tabIndex={isSelected ? 0 : -1}>
                          {item.name ?? 'Unnamed candidate'}
                        </button>
                        <span className="subtle truncate" title={item.currentTitle ?? ''}>
                          {item.currentTitle ?? 'No title found'}
                          {item.location ? ` · ${item.location}` : ''}
                        </span>
                      </div>
                      <div role="gridcell" className="cell">
                        <SubRoleBadge subRole={item.subRole} />
                        {item.correctedFields.includes('subRole') && <RecruiterMark />}
                      </div>
                      <div role="gridcell" className="cell">
                        <EvidenceMeter level={item.evidenceLevel} score={item.evidenceScore} />
                        {item.correctedFields.includes('evidence') && <RecruiterMark />}
                      </div>
                      <div role="gridcell" className="cell">
                        <PaddingTag isPadded={item.isPadded} score={item.paddingScore} />
                        {item.correctedFields.includes('padding') && <RecruiterMark />}
                      </div>
                      <div role="gridcell" className="cell cell-numeric">
                        {formatYears(item.yearsExperience)}
                      </div>
                      <div role="gridcell" className="cell cell-tools" title={item.toolsShipped.map(toolName).join(', ')}>
                        {item.toolsShipped.length === 0 ? (
                          <span className="muted">None shown</span>
                        ) : (
                          <span className="tools-text">{item.toolsShipped.slice(0, 3).map(toolName).join(', ')}</span>
                        )}
                        {item.toolsShipped.length > 3 && <span className="more-count">+{item.toolsShipped.length - 3}</span>}
                      </div>
                      <div role="gridcell" className="cell">
                        <StatusBadge status={item.status} />
                      </div>
                      <div role="gridcell" className="cell subtle">
                        {formatDate(item.importedAt)}
                      </div>
                    </div>
                  );
                })}
              </div>
            </div>
          )}
        </div>
      )}
      {items !== null && total > 0 && (
        <p className="keyboard-hint subtle small" aria-hidden="true">
          <kbd>/</kbd> search · <kbd>↑</kbd>
          <kbd>↓</kbd> or <kbd>j</kbd>
          <kbd>k</kbd> move · <kbd>Enter</kbd> open
        </p>
      )}
    </div>
  );
}

function Select(props: { label: string; value: string; onChange: (value: string) => void; children: React.ReactNode; isDisabled?: boolean }) {
  return (
    <label className="filter">
      <span className="filter-label">{props.label}</span>
      <select aria-label={props.label} className={`select${props.value ? ' is-active' : ''}`} value={props.value} onChange={(event) => props.onChange(event.target.value)} disabled={props.isDisabled}>
        {props.children}
      </select>
    </label>
  );
}

function SortHeader(props: { label: string; sortKey: CandidateSortKey; view: ListView; onSort: (key: CandidateSortKey) => void; isNumeric?: boolean }) {
  const isActive = props.view.sort === props.sortKey && props.view.query.trim() === '';
  return (
    <div role="columnheader" className={`cell${props.isNumeric ? ' cell-numeric' : ''}`} aria-sort={isActive ? (props.view.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className={`sort-button${isActive ? ' is-active' : ''}`} onClick={() => props.onSort(props.sortKey)}>
        {props.label}
        <span className="sort-arrow" aria-hidden="true">
          {isActive ? (props.view.direction === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </div>
  );
}
