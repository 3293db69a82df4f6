/**
 * The provenance graph for Gephi and other graph tools, as GEXF 1.3 or GraphML: articles and
 * outlets are nodes; reuse links are edges from the likely source to the taker (undirected when the
 * direction is unknown), and each outlet has a "publishes" edge to its articles. Articles stream;
 * outlets and edges are written after them, as both formats want nodes before edges.
 */
import type { StoredArticle } from '../store/store.js';
import type { ReuseLinkRecord } from '../store/reuse-links.js';
import type { StoryRecord } from '../store/stories.js';
import type { TextSink } from './text-sink.js';

interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly type: 'article' | 'outlet';
  readonly outlet: string;
  readonly published: string;
}

interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly directed: boolean;
  readonly kind: string;
  readonly weight: number;
  readonly confidence: number;
  readonly chars: number;
}

/** Escapes the five XML special characters and drops characters XML 1.0 cannot hold (control codes). */
const XML_SPECIAL = /[&<>"']/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 cannot hold
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const TITLE_LABEL_CHARS = 80;

function xml(value: string): string {
  return value.replace(XML_INVALID, '').replace(XML_SPECIAL, (c) => XML_ENTITY[c]!);
}

const outletNodeId = (name: string) => `outlet:${name}`;

function articleNodeOf({ article }: StoredArticle): GraphNode {
  const label = article.title ?? article.text.slice(0, TITLE_LABEL_CHARS);
  return { id: article.id, label, type: 'article', outlet: article.outlet ?? '', published: article.published ?? '' };
}

function reuseEdgeOf(link: ReuseLinkRecord): GraphEdge {
  const fromB = link.direction.from === link.b.articleId && link.direction.from !== link.a.articleId;
  const [source, target] = fromB ? [link.b, link.a] : [link.a, link.b];
  return {
    id: link.id,
    source: source.articleId,
    target: target.articleId,
    directed: link.direction.from !== null,
    kind: link.kind,
    weight: link.score,
    confidence: link.direction.confidence,
    chars: link.a.end - link.a.start,
  };
}

/** Walks the articles once, handing each node to `writeNode`; returns the outlet nodes and all edges to write after. */
async function collectGraph(
  articles: AsyncIterable<StoredArticle>,
  reuse: readonly ReuseLinkRecord[],
  writeNode: (node: GraphNode) => Promise<void>,
): Promise<{ count: number; outlets: GraphNode[]; edges: GraphEdge[] }> {
  const outlets = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  let count = 0;
  for await (const stored of articles) {
    const node = articleNodeOf(stored);
    await writeNode(node);
    count += 1;
    const outlet = stored.article.outlet;
    if (outlet !== null) {
      if (!outlets.has(outlet)) outlets.set(outlet, { id: outletNodeId(outlet), label: outlet, type: 'outlet', outlet, published: '' });
      edges.push({ id: `publishes:${node.id}`, source: outletNodeId(outlet), target: node.id, directed: true, kind: 'publishes', weight: 1, confidence: 1, chars: 0 });
    }
  }
  edges.push(...reuse.map(reuseEdgeOf));
  return { count, outlets: [...outlets.values()], edges };
}

export async function writeGexfExport(
  articles: AsyncIterable<StoredArticle>,
  sink: TextSink,
  _stories: readonly StoryRecord[] = [],
  reuse: readonly ReuseLinkRecord[] = [],
): Promise<number> {
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n' +
      '<meta><creator>storytrace</creator><description>provenance graph: articles, outlets, reuse links</description></meta>\n' +
      '<graph defaultedgetype="directed" mode="static">\n' +
      '<attributes class="node"><attribute id="type" title="type" type="string"/><attribute id="outlet" title="outlet" type="string"/><attribute id="published" title="published" type="string"/></attributes>\n' +
      '<attributes class="edge"><attribute id="kind" title="kind" type="string"/><attribute id="confidence" title="confidence" type="double"/><attribute id="chars" title="chars" type="integer"/></attributes>\n' +
      '<nodes>\n',
  );
  const node = (n: GraphNode) =>
    sink.write(
      `<node id="${xml(n.id)}" label="${xml(n.label)}"><attvalues><attvalue for="type" value="${n.type}"/><attvalue for="outlet" value="${xml(n.outlet)}"/><attvalue for="published" value="${xml(n.published)}"/></attvalues></node>\n`,
    );
  const { count, outlets, edges } = await collectGraph(articles, reuse, async (n) => node(n));
  for (const o of outlets) await node(o);
  await sink.write('</nodes>\n<edges>\n');
  for (const e of edges) {
    await sink.write(
      `<edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" type="${e.directed ? 'directed' : 'undirected'}" weight="${e.weight}"><attvalues><attvalue for="kind" value="${xml(e.kind)}"/><attvalue for="confidence" value="${e.confidence}"/><attvalue for="chars" value="${e.chars}"/></attvalues></edge>\n`,
    );
  }
  await sink.write('</edges>\n</graph>\n</gexf>\n');
  return count;
}

export async function writeGraphmlExport(
  articles: AsyncIterable<StoredArticle>,
  sink: TextSink,
  _stories: readonly StoryRecord[] = [],
  reuse: readonly ReuseLinkRecord[] = [],
): Promise<number> {
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n' +
      '<key id="label" for="node" attr.name="label" attr.type="string"/>\n<key id="type" for="node" attr.name="type" attr.type="string"/>\n' +
      '<key id="outlet" for="node" attr.name="outlet" attr.type="string"/>\n<key id="published" for="node" attr.name="published" attr.type="string"/>\n' +
      '<key id="kind" for="edge" attr.name="kind" attr.type="string"/>\n<key id="weight" for="edge" attr.name="weight" attr.type="double"/>\n' +
      '<key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>\n<key id="chars" for="edge" attr.name="chars" attr.type="int"/>\n' +
      '<graph id="provenance" edgedefault="directed">\n',
  );
  const node = (n: GraphNode) =>
    sink.write(
      `<node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data><data key="type">${n.type}</data><data key="outlet">${xml(n.outlet)}</data><data key="published">${xml(n.published)}</data></node>\n`,
    );
  const { count, outlets, edges } = await collectGraph(articles, reuse, async (n) => node(n));
  for (const o of outlets) await node(o);
  for (const e of edges) {
    await sink.write(
      `<edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" directed="${e.directed}"><data key="kind">${xml(e.kind)}</data><data key="weight">${e.weight}</data><data key="confidence">${e.confidence}</data><data key="chars">${e.chars}</data></edge>\n`,
    );
  }
  await sink.write('</graph>\n</graphml>\n');
  return count;
}
