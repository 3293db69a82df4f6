/** The ingest page: drop files, paste text or URLs; the job's progress is polled and rejected inputs listed with reasons. */
import { getJson, postForm } from '../api-client.js';
import type { IngestJob } from '../api-types.js';
import { append, clear, el, routeLink } from '../dom.js';
import { heading, type PageContext } from '../page-context.js';

const POLL_MS = 500;

export async function ingestPage({ main, t }: PageContext): Promise<void> {
  append(main, heading(t('ingest')), el('p', {}, t('ingestIntro')));
  const fileInput = el('input', { type: 'file', name: 'files', multiple: true, id: 'ingest-files' });
  const dropZone = el('div', { class: 'drop-zone' }, el('label', { for: 'ingest-files' }, t('files')), fileInput, el('p', { class: 'hint' }, t('dropHere')));
  const dropped: File[] = [];
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    dropped.push(...Array.from(event.dataTransfer?.files ?? []));
    append(dropZone, el('p', {}, dropped.map((f) => f.name).join(', ')));
  });
  const text = el('textarea', { name: 'text', rows: 8, id: 'ingest-text' });
  const urls = el('textarea', { name: 'urls', rows: 3, id: 'ingest-urls' });
  const status = el('section', { class: 'job-status', 'aria-live': 'polite', 'aria-label': t('progress') });
  const form = el(
    'form',
    { class: 'ingest-form' },
    dropZone,
    el('label', { for: 'ingest-text' }, t('pasteText')),
    text,
    el('label', { for: 'ingest-urls' }, t('urls')),
    urls,
    el('button', { type: 'submit' }, t('start')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = new FormData(form);
    for (const file of dropped) body.append('files', file);
    clear(status);
    try {
      let job = await postForm<IngestJob>('/api/ingest', body);
      showJob(status, job, t);
      while (job.finishedAt === null) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        job = await getJson<IngestJob>(`/api/jobs/${job.id}`);
        showJob(status, job, t);
      }
    } catch (error) {
      clear(status);
      append(status, el('p', { class: 'error', role: 'alert' }, `${t('error')}: ${error instanceof Error ? error.message : String(error)}`));
    }
  });
  append(main, form, status);
}

function showJob(status: HTMLElement, job: IngestJob, t: PageContext['t']): void {
  clear(status);
  append(
    status,
    el('h2', {}, t('progress')),
    el('progress', { max: Math.max(1, job.inputs), value: job.inputsDone }),
    el('p', { class: 'job-counts' }, `${job.inputsDone}/${job.inputs} ${t('inputsDone')}, ${job.articlesAdded} ${t('articlesAdded')}`),
  );
  if (job.status === 'done') append(status, el('p', { class: 'job-done' }, t('done')));
  if (job.status === 'failed') append(status, el('p', { class: 'error', role: 'alert' }, `${t('failed')}: ${job.error ?? ''}`));
  if (job.articleIds.length > 0) {
    const list = el('ul', { class: 'article-list' });
    for (const id of [...new Set(job.articleIds)]) append(list, el('li', {}, routeLink(`/article/${id}`, id.slice(0, 12))));
    append(status, list);
  }
  if (job.rejected.length > 0) {
    const list = el('ul', { class: 'rejected-list' });
    for (const r of job.rejected) append(list, el('li', {}, el('strong', {}, r.input), ` — ${r.rule}: ${r.reason}`));
    append(status, el('h3', {}, t('rejected')), list);
  }
}
