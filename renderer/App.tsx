import { useCallback, useEffect, useEffectEvent, useReducer, useRef, useState } from 'react';
import type { AppInfo, CandidateListItem, ImportSummary } from '../contract/types.ts';
import { call, errorMessage, subscribe } from './api.ts';
import { navReducer, type Route } from './routes.ts';
import { initialListView, type ListView } from './list-view.ts';
import { strongestFirst } from '../contract/candidate-list.ts';
import { useImportController } from './import-controller.ts';
import { CandidatesScreen, type ListLoad } from './screens/CandidatesScreen.tsx';
import { CandidateScreen } from './screens/CandidateScreen.tsx';
import { ImportScreen } from './screens/ImportScreen.tsx';
import { ReviewScreen } from './screens/ReviewScreen.tsx';
import { ScreeningScreen } from './screens/screening/ScreeningScreen.tsx';
import { ScriptEditorScreen } from './screens/screening/ScriptEditorScreen.tsx';
import { RetentionScreen } from './screens/RetentionScreen.tsx';
import { Loading } from './components/Feedback.tsx';
import { RoleEditScreen, RoleScreen, RolesListScreen } from './screens/roles/RolesScreen.tsx';
import { RoleScreeningBanner } from './screens/roles/RoleScreeningBanner.tsx';
import { BackupsScreen } from './screens/data/BackupsScreen.tsx';
import { AuditScreen } from './screens/data/AuditScreen.tsx';

/** About two screens of rows: what the Candidates screen shows before the whole list has arrived. */
const firstPageSize = 100;

export function App() {
  const [nav, navigate] = useReducer(navReducer, { current: { name: 'candidates' }, history: [] });
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [listLoad, setListLoad] = useState<ListLoad>({ state: 'loading' });
  const [listView, setListView] = useState<ListView>(initialListView);
  const [isStarting, setIsStarting] = useState(true);
  /** Candidates OCR read with low confidence: the Review item's badge. */
  const [reviewCount, setReviewCount] = useState<number | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const reloadList = useCallback(() => {
    call('candidates.list', {}).then(
      // Kept strongest first: equally good search matches then come in that order too.
      (items) => setListLoad({ state: 'ready', items: strongestFirst(items) }),
      (error: unknown) => setListLoad({ state: 'error', message: errorMessage(error) }),
    );
    call('app.info', {}).then(setInfo, () => {});
    call('candidates.reviewList', {}).then((items) => setReviewCount(items.length), () => {});
  }, []);

  const go = useCallback((route: Route) => navigate({ type: 'navigate', route }), []);

  const onImported = useCallback(
    (summary: ImportSummary) => {
      if (summary.imported > 0 || summary.duplicates > 0) reloadList();
    },
    [reloadList],
  );
  const importer = useImportController(onImported);
  const { chooseAndImport, importSamples } = importer;

  // First launch: with no candidates, start on the Import screen where the samples are one click away.
  useEffect(() => {
    call('app.info', {})
      .then((appInfo) => {
        setInfo(appInfo);
        if (appInfo.candidateCount === 0) navigate({ type: 'replace', route: { name: 'import' } });
      })
      .catch(() => {})
      .finally(() => setIsStarting(false));
    // The strongest candidates first: a page is on screen well before the whole list (bench/README.md,
    // "List first shown"). It is asked first, so it answers first; if not, the whole list wins.
    call('candidates.firstPage', { size: firstPageSize }).then(
      (page) => setListLoad((current) => (current.state === 'loading' ? { state: 'first-page', ...page } : current)),
      () => {}, // the whole list's call reports what went wrong
    );
    reloadList();
  }, [reloadList]);

  // A new import (from the menu, say) always shows its progress; leaving the Import screen while it
  // runs is the recruiter's choice, so this runs when the phase changes, not when the screen does.
  const showImportProgress = useEffectEvent(() => {
    if (nav.current.name !== 'import') go({ name: 'import' });
  });
  useEffect(() => {
    if (importer.state.phase === 'running') showImportProgress();
  }, [importer.state.phase]);

  useEffect(
    () =>
      subscribe('menu.command', ({ command }) => {
        switch (command) {
          case 'import-folder':
            go({ name: 'import' });
            void chooseAndImport();
            break;
          case 'import-samples':
            void importSamples();
            break;
          case 'show-candidates':
            go({ name: 'candidates' });
            break;
          case 'show-import':
            go({ name: 'import' });
            break;
          case 'show-script':
            go({ name: 'script' });
            break;
          case 'focus-search':
            go({ name: 'candidates' });
            window.setTimeout(() => searchRef.current?.focus(), 0);
            break;
          default: {
            const unexpected: never = command;
            console.warn('unknown menu command', unexpected);
          }
        }
      }),
    [go, chooseAndImport, importSamples],
  );

  // A file dropped outside the drop zone must not replace the page.
  useEffect(() => {
    const prevent = (event: DragEvent) => event.preventDefault();
    window.addEventListener('dragover', prevent);
    window.addEventListener('drop', prevent);
    return () => {
      window.removeEventListener('dragover', prevent);
      window.removeEventListener('drop', prevent);
    };
  }, []);

  const updateListItem = useCallback((updated: CandidateListItem) => {
    setListLoad((load) => (load.state === 'ready' ? { state: 'ready', items: load.items.map((item) => (item.id === updated.id ? updated : item)) } : load));
  }, []);
  const removeListItem = useCallback((id: number) => {
    setListLoad((load) => (load.state === 'ready' ? { state: 'ready', items: load.items.filter((item) => item.id !== id) } : load));
    setInfo((current) => (current ? { ...current, candidateCount: Math.max(0, current.candidateCount - 1) } : current));
    setListView((view) => (view.selectedId === id ? { ...view, selectedId: null } : view));
  }, []);

  const route = nav.current;
  const candidateCount = listLoad.state === 'ready' ? listLoad.items.length : (info?.candidateCount ?? null);
  const section =
    route.name === 'screening' && route.roleId !== undefined
      ? 'roles'
      : route.name === 'candidate' || route.name === 'screening'
        ? 'candidates'
        : route.name === 'role' || route.name === 'role-edit'
          ? 'roles'
          : route.name;

  let screen: React.ReactNode;
  switch (route.name) {
    case 'candidates':
      screen = (
        <CandidatesScreen
          load={listLoad}
          view={listView}
          setView={setListView}
          onOpen={(id) => {
            setListView((view) => ({ ...view, selectedId: id }));
            go({ name: 'candidate', id });
          }}
          onReload={reloadList}
          onGoImport={() => go({ name: 'import' })}
          onImportSamples={() => void importer.importSamples()}
          isImporting={importer.isRunning}
          searchRef={searchRef}
        />
      );
      break;
    case 'import':
      screen = <ImportScreen controller={importer} candidateCount={candidateCount} onShowCandidates={() => go({ name: 'candidates' })} />;
      break;
    case 'candidate':
      screen = (
        <CandidateScreen
          key={route.id}
          id={route.id}
          onBack={() => go({ name: 'candidates' })}
          onDeleted={(id) => {
            removeListItem(id);
            go({ name: 'candidates' });
          }}
          onChanged={updateListItem}
          onOpenScreening={(screeningId) => go({ name: 'screening', screeningId, candidateId: route.id })}
          onShowHistory={() => go({ name: 'audit', candidateId: route.id })}
        />
      );
      break;
    case 'screening':
      screen = (
        <>
          <RoleScreeningBanner key={`role-${route.screeningId}`} screeningId={route.screeningId} />
          <ScreeningScreen
            key={route.screeningId}
            screeningId={route.screeningId}
            onExit={() => go(route.roleId === undefined ? { name: 'candidate', id: route.candidateId } : { name: 'role', id: route.roleId })}
          />
        </>
      );
      break;
    case 'roles':
      screen = <RolesListScreen onOpen={(id) => go({ name: 'role', id })} onNew={() => go({ name: 'role-edit', id: null })} />;
      break;
    case 'role':
      screen = (
        <RoleScreen
          key={route.id}
          id={route.id}
          onBack={() => go({ name: 'roles' })}
          onEdit={() => go({ name: 'role-edit', id: route.id })}
          onOpenCandidate={(id) => go({ name: 'candidate', id })}
          onOpenScreening={(screeningId, candidateId) => go({ name: 'screening', screeningId, candidateId, roleId: route.id })}
        />
      );
      break;
    case 'role-edit':
      screen = (
        <RoleEditScreen
          key={route.id ?? 'new'}
          roleId={route.id}
          onSaved={(role) => navigate({ type: 'replace', route: { name: 'role', id: role.id } })}
          onCancel={() => navigate({ type: 'back' })}
        />
      );
      break;
    case 'script':
      screen = <ScriptEditorScreen />;
      break;
    case 'backups':
      screen = <BackupsScreen onRestored={reloadList} />;
      break;
    case 'audit':
      screen = <AuditScreen key={route.candidateId ?? 'all'} candidateId={route.candidateId} onFilter={(candidateId) => navigate({ type: 'replace', route: { name: 'audit', candidateId } })} />;
      break;
    case 'retention':
      screen = <RetentionScreen onOpen={(id) => go({ name: 'candidate', id })} onErased={(ids) => ids.forEach(removeListItem)} />;
      break;
    case 'review':
      screen = <ReviewScreen onOpen={(id) => go({ name: 'candidate', id })} />;
      break;
    default: {
      const unexpected: never = route;
      throw new Error(`unknown route ${JSON.stringify(unexpected)}`);
    }
  }

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <img className="brand-mark" src={logoUrl} alt="" width={28} height={28} />
          <span className="brand-name">Shipped</span>
        </div>
        <ul className="nav-list">
          <NavItem label="Candidates" isActive={section === 'candidates'} onClick={() => go({ name: 'candidates' })} badge={candidateCount === null ? null : candidateCount.toLocaleString()} />
          {reviewCount !== null && reviewCount > 0 && (
            <NavItem label="Review" isActive={section === 'review'} onClick={() => go({ name: 'review' })} badge={reviewCount.toLocaleString()} />
          )}
          <NavItem label="Import" isActive={section === 'import'} onClick={() => go({ name: 'import' })} badge={importer.isRunning ? '…' : null} />
          <NavItem label="Roles" isActive={section === 'roles'} onClick={() => go({ name: 'roles' })} badge={null} />
          <NavItem label="Screening script" isActive={section === 'script'} onClick={() => go({ name: 'script' })} badge={null} />
          <NavItem label="Backups" isActive={section === 'backups'} onClick={() => go({ name: 'backups' })} badge={null} />
          <NavItem label="Audit log" isActive={section === 'audit'} onClick={() => go({ name: 'audit', candidateId: null })} badge={null} />
          <NavItem label="Retention" isActive={section === 'retention'} onClick={() => go({ name: 'retention' })} badge={null} />
        </ul>
        <div className="sidebar-foot subtle small">
          <span className="offline-dot" aria-hidden="true" /> Offline · resumes stay on this computer
          {info && <div className="version">v{info.version}</div>}
        </div>
      </nav>
      <main className="content">{isStarting ? <Loading label="Opening Shipped…" /> : screen}</main>
    </div>
  );
}

function NavItem({ label, isActive, onClick, badge }: { label: string; isActive: boolean; onClick: () => void; badge: string | null }) {
  return (
    <li>
      <button type="button" className={`nav-item${isActive ? ' is-active' : ''}`} aria-current={isActive ? 'page' : undefined} onClick={onClick}>
        <span>{label}</span>
        {badge !== null && <span className="nav-badge">{badge}</span>}
      </button>
    </li>
  );
}

const logoUrl = new URL('./logo.svg', import.meta.url).href;
