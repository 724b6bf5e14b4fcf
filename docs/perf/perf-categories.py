#!/usr/bin/env python3
"""Sums perf CPU samples of the bot by what they were doing, and fsync calls by count and latency.

    python3 docs/perf/perf-categories.py OUT_DIR REPORTS [HZ=499]

OUT_DIR is profile.sh's output (perf.stacks.txt, fsync.txt, window.txt). Each sample goes to the first category
(in the order below) any frame of its stack matches; then the time under chosen application frames (inclusive).
"""
import collections, sys

out, reports = sys.argv[1], float(sys.argv[2])
hz = float(sys.argv[3]) if len(sys.argv) > 3 else 499.0
window = float(open(f'{out}/window.txt').read().split()[1])

samples, cur = [], None
for line in open(f'{out}/perf.stacks.txt', errors='replace'):
    if not line.strip():
        if cur: samples.append(cur)
        cur = None
    elif line[0] not in ' \t':
        cur = (line.rsplit(' ', 2)[0].strip(), [])
    elif cur is not None:
        parts = line.strip().split(' ', 1)
        cur[1].append(parts[1] if len(parts) > 1 else parts[0])
if cur: samples.append(cur)

ms = 1000.0 / hz
def per_report(n): return n * ms / reports

def any_frame(frames, *keys, top=None):
    return any(k in f for f in (frames[:top] if top else frames) for k in keys)

RULES = [
    ('JIT (tiered compilation)', lambda c, f: 'Tiered Com' in c or any_frame(f, 'libclrjit', top=3)),
    ('GC', lambda c, f: 'GC' in c or any_frame(f, 'gc_heap', 'GCHeap', 'WKS::', 'SVR::')),
    ('fsync (LiteDB log writer, inline on the committing thread)', lambda c, f: any_frame(f, 'FlushToDisk', '__x64_sys_fsync')),
    ('file write/read/truncate (LiteDB)', lambda c, f: any_frame(f, 'OSFileStreamStrategy', 'RandomAccess')),
    ('logging', lambda c, f: 'Console logger' in c or any_frame(f, 'Microsoft.Extensions.Logging')),
    ('LiteDB: LINQ -> BsonExpression (visit, parse, compile)', lambda c, f: any_frame(
        f, 'LinqExpressionVisitor', 'BsonExpressionParser', 'BsonExpression::Compile', 'BsonExpression::Create',
        'BsonExpression::Parse', '[System.Linq.Expressions]')),
    ('LiteDB: BsonMapper (object <-> BSON)', lambda c, f: any_frame(f, 'BsonMapper')),
    ('LiteDB: engine (indexes, pages, cache, WAL, query pipe)', lambda c, f: any_frame(f, 'LiteDB.Engine')),
    ('System.Text.Json (activities, cards)', lambda c, f: any_frame(f, 'System.Text.Json')),
    ('locks / scheduling (futex, yield, switches)', lambda c, f: any_frame(
        f, 'futex', 'sched_yield', 'schedule', 'Lock::', 'Monitor', 'LowLevelLifoSemaphore', 'SpinWait', top=8)),
    ('Kestrel / sockets / HTTP', lambda c, f: any_frame(f, 'System.Net.Sockets', 'sock_', 'tcp_', top=12)
        or any('Kestrel' in x and 'ProcessRequests' not in x for x in f[:12])),
]
cats = collections.Counter()
for comm, frames in samples:
    cats[next((name for name, rule in RULES if rule(comm, frames)), 'other')] += 1

n = len(samples)
print(f'window {window:.1f} s: {n} samples at {hz:.0f} Hz = {n * ms / 1000:.2f} CPU-s ({n * ms / 1000 / window:.2f} cores); '
      f'{reports:.0f} reports -> {per_report(n):.2f} ms CPU per report\n')
print('By category (first rule a stack matches)')
for name, count in cats.most_common():
    print(f'  {per_report(count):6.2f} ms  {100 * count / n:5.1f} %  {name}')

MARKS = [
    ('whole request (CloudAdapter.ProcessAsync)', 'CloudAdapter'),
    ('  intake card action (ReportCardAction.HandleAsync)', 'ReportCardAction+<HandleAsync>'),
    ('    inside StoreTransaction.Run (global write lock held)', 'StoreTransaction::Run'),
    ('      CaseStore.Create transaction', 'CaseStore+<>c__DisplayClass11_0'),
    ('        StepTracker.Observe (owed steps, in the transaction)', 'StepTracker::Observe'),
    ('      LiteDB commit (TransactionService.Commit)', 'TransactionService::Commit'),
    ('        of it the log writer (DiskWriterQueue, write + fsync)', 'DiskWriterQueue'),
    ('        of it auto-checkpoint (WalIndexService.TryCheckpoint)', 'TryCheckpoint'),
    ('    ApprovalFlow.NewCaseAsync (after the commit)', 'ApprovalFlow+<NewCaseAsync>'),
    ('      CaseNotifier.ApproverUnreachableAsync (+ CaseStore.Append txn)', 'ApproverUnreachableAsync'),
    ('      ConversationStore.FindPersonalChat (LINQ query per call)', 'ConversationStore::FindPersonalChat'),
    ('    CaseCardResponse (timeline read + card build + JSON)', 'ReportCardAction::CaseCardResponse'),
    ('    CaseStore.FindBySubmission (duplicate check)', 'CaseStore::FindBySubmission'),
    ('    RosterStore.AllUnits', 'RosterStore::AllUnits'),
    ('  ActorResolver (who is asking)', 'ActorResolver'),
    ('  ConversationRecorder (conversation upsert per activity)', 'ConversationRecorder'),
    ('  token validation', 'Authentication'),
]
print('\nInclusive under application frames')
for label, key in MARKS:
    count = sum(1 for _, frames in samples if any_frame(frames, key))
    print(f'  {per_report(count):6.2f} ms  {100 * count / n:5.1f} %  {label}')

durations, open_calls = [], {}
for line in open(f'{out}/fsync.txt'):
    parts = line.split()
    if len(parts) < 3: continue
    tid, t = parts[0], float(parts[1].rstrip(':'))
    if 'enter' in parts[2]: open_calls[tid] = t
    elif tid in open_calls: durations.append((t - open_calls.pop(tid)) * 1000)
if durations:
    durations.sort(); k = len(durations)
    print(f'\nfsync/fdatasync: {k} calls = {k / window:.0f}/s, {k / reports:.1f} per report; latency mean {sum(durations) / k:.2f} ms, '
          f'p50 {durations[k // 2]:.2f}, p90 {durations[int(k * .9)]:.2f}, p99 {durations[int(k * .99)]:.2f}, max {durations[-1]:.2f} ms; '
          f'{sum(durations) / 1000:.1f} s spent in fsync ({100 * sum(durations) / 1000 / window:.0f} % of the window)')
