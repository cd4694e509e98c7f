/**
 * Min-cost flow by successive shortest paths with node potentials (Dijkstra on reduced costs,
 * stopping at the first node that lacks flow), with integer costs so every comparison is exact.
 *
 * It is built for re-optimisation: after arc costs or capacities change (Lagrangian prices,
 * branch-and-bound fixings), `solve()` first saturates every residual arc whose reduced cost went
 * negative (which keeps the potentials valid and moves the imbalance into node excesses) and then
 * routes the excesses again. The flow is optimal after every successful `solve()`.
 *
 * Arcs come in pairs: arc 2k is the forward arc, 2k+1 its reverse. A unit may also be "fixed" on
 * an arc (a lower bound of 1 for branching): it is kept outside the residual graph, in `fixed`.
 *
 * The searches count the nodes they settle (`work`): a measure of effort that, unlike a clock,
 * gives the same number on every machine, so callers can stop on it deterministically.
 */
export class MinCostFlow {
  private nodeCount = 0;
  private readonly build = { from: [] as number[], to: [] as number[], cap: [] as number[], cost: [] as number[], supply: new Map<number, number>() };
  private frozen = false;

  private head!: Int32Array;
  /**
   * Residual capacities and costs are stored by adjacency slot, not by arc id, so a search reads
   * them in order as it scans a node's arcs (far fewer cache misses than jumping by arc id):
   * `slotOf[arc]` is the arc's slot, `slotHead[slot]` its head and `slotReverse[slot]` the slot of
   * its reverse arc.
   */
  private residualBySlot!: Int32Array;
  private costBySlot!: Float64Array;
  private slotOf!: Int32Array;
  private slotHead!: Int32Array;
  private slotReverse!: Int32Array;
  private fixedUnits!: Int32Array;
  private adjStart!: Int32Array;
  private adj!: Int32Array;
  private excess!: Int32Array;
  private pot!: Float64Array;
  // search scratch
  private dist!: Float64Array;
  private parent!: Int32Array;
  private settledMark!: Int32Array;
  private stamp = 0;
  private heap!: Int32Array;
  private heapPos!: Int32Array;
  private heapSize = 0;
  private touched!: Int32Array;
  private settled!: Int32Array;
  private dirty: number[] = [];
  private pending: number[] = [];
  /** Dijkstra runs so far (for statistics). */
  searches = 0;
  /** Nodes settled by all searches so far: the deterministic measure of effort. */
  work = 0;

  addNode(): number {
    if (this.frozen) throw new Error('MinCostFlow: the network is frozen');
    return this.nodeCount++;
  }

  /** Returns the forward arc id (even). */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (this.frozen) throw new Error('MinCostFlow: the network is frozen');
    if (!Number.isSafeInteger(cost)) throw new Error(`MinCostFlow: cost must be an integer (got ${cost})`);
    this.build.from.push(from);
    this.build.to.push(to);
    this.build.cap.push(capacity);
    this.build.cost.push(cost);
    return 2 * (this.build.from.length - 1);
  }

  setSupply(node: number, units: number): void {
    this.build.supply.set(node, units);
  }

  /**
   * Ends construction. Initial potentials are shortest distances from a virtual source over the
   * arcs with capacity, found by repeated passes in the order arcs were added: one pass when they
   * were added in topological order, as the matching network is.
   */
  freeze(): void {
    const b = this.build;
    const n = this.nodeCount;
    const m = b.from.length;
    this.head = new Int32Array(2 * m);
    const residual = new Int32Array(2 * m);
    const cost = new Float64Array(2 * m);
    this.fixedUnits = new Int32Array(m);
    const degree = new Int32Array(n + 1);
    for (let k = 0; k < m; k++) {
      this.head[2 * k] = b.to[k];
      this.head[2 * k + 1] = b.from[k];
      residual[2 * k] = b.cap[k];
      cost[2 * k] = b.cost[k];
      cost[2 * k + 1] = -b.cost[k];
      degree[b.from[k] + 1]++;
      degree[b.to[k] + 1]++;
    }
    for (let v = 0; v < n; v++) degree[v + 1] += degree[v];
    this.adjStart = degree.slice();
    this.adj = new Int32Array(2 * m);
    const fill = degree.slice(0, n);
    for (let k = 0; k < m; k++) {
      this.adj[fill[b.from[k]]++] = 2 * k;
      this.adj[fill[b.to[k]]++] = 2 * k + 1;
    }
    this.slotOf = new Int32Array(2 * m);
    this.adj.forEach((arc, slot) => (this.slotOf[arc] = slot));
    this.slotHead = Int32Array.from(this.adj, (arc) => this.head[arc]);
    this.slotReverse = Int32Array.from(this.adj, (arc) => this.slotOf[arc ^ 1]);
    this.residualBySlot = Int32Array.from(this.adj, (arc) => residual[arc]);
    this.costBySlot = Float64Array.from(this.adj, (arc) => cost[arc]);
    this.excess = new Int32Array(n);
    for (const [node, units] of [...b.supply].sort((x, y) => x[0] - y[0])) {
      this.excess[node] = units;
      if (units > 0) this.pending.push(node);
    }
    this.pot = new Float64Array(n);
    for (let pass = 0, changed = true; changed; pass++) {
      if (pass > n) throw new Error('MinCostFlow: negative cycle in the initial network');
      changed = false;
      for (let k = 0; k < m; k++) {
        if (b.cap[k] <= 0) continue;
        const d = this.pot[b.from[k]] + b.cost[k];
        if (d < this.pot[b.to[k]]) {
          this.pot[b.to[k]] = d;
          changed = true;
        }
      }
    }
    this.allocateScratch();
    this.build.from = this.build.to = this.build.cap = this.build.cost = [];
    this.frozen = true;
  }

  private allocateScratch(): void {
    const n = this.nodeCount;
    this.dist = new Float64Array(n).fill(Infinity);
    this.parent = new Int32Array(n).fill(-1);
    this.settledMark = new Int32Array(n);
    this.heap = new Int32Array(n);
    this.heapPos = new Int32Array(n).fill(-1);
    this.touched = new Int32Array(n);
    this.settled = new Int32Array(n);
  }

  /**
   * An independent copy of the network with its current flow and potentials (the arcs' layout is
   * shared, it never changes): for trying things out without undoing them.
   */
  clone(): MinCostFlow {
    if (!this.frozen) throw new Error('MinCostFlow: freeze before cloning');
    const copy = new MinCostFlow();
    copy.nodeCount = this.nodeCount;
    copy.frozen = true;
    copy.head = this.head;
    copy.adjStart = this.adjStart;
    copy.adj = this.adj;
    copy.slotOf = this.slotOf;
    copy.slotHead = this.slotHead;
    copy.slotReverse = this.slotReverse;
    copy.residualBySlot = this.residualBySlot.slice();
    copy.costBySlot = this.costBySlot.slice();
    copy.fixedUnits = this.fixedUnits.slice();
    copy.excess = this.excess.slice();
    copy.pot = this.pot.slice();
    copy.dirty = [...this.dirty];
    copy.pending = [...this.pending];
    copy.allocateScratch();
    return copy;
  }

  get nodes(): number {
    return this.nodeCount;
  }

  /** Forward arcs (arc ids run from 0 to 2 × arcCount − 1). */
  get arcCount(): number {
    return this.residualBySlot.length / 2;
  }

  /** Units on a forward arc, fixed ones included. */
  flow(arc: number): number {
    return this.residualBySlot[this.slotOf[arc + 1]] + this.fixedUnits[arc >> 1];
  }

  arcCost(arc: number): number {
    return this.costBySlot[this.slotOf[arc]];
  }

  /** Reduced cost of an arc under the current potentials (≥ 0 on every residual arc after solve). */
  reducedCost(arc: number): number {
    return this.costBySlot[this.slotOf[arc]] + this.pot[this.head[arc ^ 1]] - this.pot[this.head[arc]];
  }

  /** Capacity still free on a forward arc. */
  residualCapacity(arc: number): number {
    return this.residualBySlot[this.slotOf[arc]];
  }

  /** Change an arc's cost; `check: false` when the caller restores reduced costs itself. */
  setCost(arc: number, cost: number, check = true): void {
    this.costBySlot[this.slotOf[arc]] = cost;
    this.costBySlot[this.slotOf[arc ^ 1]] = -cost;
    if (check) this.dirty.push(arc);
  }

  /** Check this arc's reduced costs at the next `solve()`. */
  markDirty(arc: number): void {
    this.dirty.push(arc);
  }

  /** Units flowing freely on a forward arc (fixed ones excluded). */
  freeFlow(arc: number): number {
    return this.residualBySlot[this.slotOf[arc + 1]];
  }

  /** Take `units` of free flow off a forward arc (its tail gains excess, its head loses it). */
  pushBack(arc: number, units: number): void {
    this.move(arc, -units);
  }

  /** The head of an arc (for a reverse arc, the forward arc's tail). */
  headOf(arc: number): number {
    return this.head[arc];
  }

  /** Arcs leaving a node in the residual sense: forward arcs out of it and reverse arcs of those into it. */
  arcsAt(node: number): Int32Array {
    return this.adj.subarray(this.adjStart[node], this.adjStart[node + 1]);
  }

  /**
   * Raise a node's potential so no residual arc out of it has a negative reduced cost. Only valid
   * for a node with no residual arc into it whose reduced cost this could make negative (the
   * caller knows: a request whose unit was just taken back has none).
   */
  raisePotentialToCover(node: number): void {
    let need = 0;
    for (let i = this.adjStart[node], end = this.adjStart[node + 1]; i < end; i++) {
      const a = this.adj[i];
      if (this.residualBySlot[i] > 0) need = Math.max(need, -this.reducedCost(a));
    }
    this.pot[node] += need;
  }

  /** Raise a node's potential by `amount` (see raisePotentialToCover for when that is valid; negative lowers it). */
  raisePotential(node: number, amount: number): void {
    this.pot[node] += amount;
  }

  /** Upper bound on the units that flow freely on the arc (fixed units come on top). */
  setCapacity(arc: number, capacity: number): void {
    const flowing = this.residualBySlot[this.slotOf[arc + 1]];
    if (flowing > capacity) this.move(arc, capacity - flowing); // push the surplus back
    this.residualBySlot[this.slotOf[arc]] = capacity - this.residualBySlot[this.slotOf[arc + 1]];
    this.dirty.push(arc);
  }

  capacity(arc: number): number {
    return this.residualBySlot[this.slotOf[arc]] + this.residualBySlot[this.slotOf[arc + 1]];
  }

  /** Fix one unit on the arc (lower bound +1), or release one with units = -1. */
  fixUnits(arc: number, units: number): void {
    this.fixedUnits[arc >> 1] += units;
    this.changeExcess(this.head[arc ^ 1], -units);
    this.changeExcess(this.head[arc], units);
  }

  totalCost(): number {
    let total = 0;
    for (let a = 0; a < this.residualBySlot.length; a += 2) {
      const f = this.residualBySlot[this.slotOf[a + 1]] + this.fixedUnits[a >> 1];
      if (f !== 0) total += f * this.costBySlot[this.slotOf[a]];
    }
    return total;
  }

  private changeExcess(node: number, delta: number): void {
    const before = this.excess[node];
    this.excess[node] = before + delta;
    if (before <= 0 && before + delta > 0) this.pending.push(node);
  }

  /** Move `units` along residual arc `arc` (negative: back along its reverse). */
  private move(arc: number, units: number): void {
    this.residualBySlot[this.slotOf[arc]] -= units;
    this.residualBySlot[this.slotOf[arc ^ 1]] += units;
    this.changeExcess(this.head[arc ^ 1], -units);
    this.changeExcess(this.head[arc], units);
  }

  private restoreReducedCosts(): void {
    for (const arc of this.dirty) {
      for (let a = arc, k = 0; k < 2; k++, a ^= 1) {
        const residual = this.residualBySlot[this.slotOf[a]];
        if (residual > 0 && this.reducedCost(a) < 0) this.move(a, residual);
      }
    }
    this.dirty.length = 0;
  }

  /**
   * Re-base the potentials on the distance to the nearest deficit (one reverse Dijkstra over the
   * residual graph): afterwards every node has a path of zero reduced cost to a deficit, so the
   * searches that follow stop early instead of wading through near-ties. Worth it before routing
   * many excesses at once.
   */
  private rebasePotentials(): void {
    const { dist, pot, residualBySlot, costBySlot, slotHead, slotReverse, adjStart, settledMark, excess, heap, heapPos } = this;
    const n = this.nodeCount;
    const mark = ++this.stamp;
    this.heapSize = 0;
    for (let v = 0; v < n; v++) {
      if (excess[v] >= 0) continue;
      dist[v] = 0;
      heap[this.heapSize] = v;
      heapPos[v] = this.heapSize++;
      this.siftUp(heapPos[v], v);
    }
    let farthest = 0;
    let settledCount = 0;
    while (this.heapSize > 0) {
      const u = this.heapPop();
      const du = dist[u];
      settledMark[u] = mark;
      settledCount++;
      farthest = du;
      // arcs into u: for each arc leaving u, its reverse enters u from the arc's head
      for (let i = adjStart[u], end = adjStart[u + 1]; i < end; i++) {
        const into = slotReverse[i];
        if (residualBySlot[into] <= 0) continue;
        const v = slotHead[i];
        if (settledMark[v] === mark) continue;
        const nd = du + costBySlot[into] + pot[v] - pot[u];
        if (nd < dist[v]) {
          dist[v] = nd;
          if (heapPos[v] < 0) {
            heap[this.heapSize] = v;
            heapPos[v] = this.heapSize++;
          }
          this.siftUp(heapPos[v], v);
        }
      }
    }
    this.work += settledCount;
    for (let v = 0; v < n; v++) {
      pot[v] -= dist[v] === Infinity ? farthest : dist[v];
      dist[v] = Infinity;
    }
  }

  /** From this many excesses to route, `solve()` first re-bases the potentials (see rebasePotentials). */
  rebaseFrom = 16;

  /** Route every excess to a deficit; false when some excess cannot reach one (infeasible). */
  solve(): boolean {
    this.restoreReducedCosts();
    if (this.pending.length >= this.rebaseFrom) this.rebasePotentials();
    const queue = this.pending.sort((a, b) => a - b);
    this.pending = [];
    let feasible = true;
    let last = -1;
    for (const source of queue) {
      if (source === last) continue;
      last = source;
      while (this.excess[source] > 0) {
        if (!this.augmentFrom(source)) {
          feasible = false;
          this.pending.push(source);
          break;
        }
      }
    }
    return feasible;
  }

  // ── indexed 4-ary heap on `dist`, ties by node number (deterministic) ─────────────────
  // Four children a node: half the levels of a binary heap, and the many decrease-keys of a
  // search (siftUp) climb fewer of them.

  private siftUp(i: number, node: number): void {
    const { heap, heapPos, dist } = this;
    const key = dist[node];
    while (i > 0) {
      const p = (i - 1) >> 2;
      const q = heap[p];
      if (dist[q] < key || (dist[q] === key && q < node)) break;
      heap[i] = q;
      heapPos[q] = i;
      i = p;
    }
    heap[i] = node;
    heapPos[node] = i;
  }

  private heapPop(): number {
    const { heap, heapPos, dist } = this;
    const top = heap[0];
    heapPos[top] = -1;
    const size = --this.heapSize;
    if (size === 0) return top;
    const node = heap[size];
    const key = dist[node];
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= size) break;
      let c = first;
      let best = heap[c];
      let bestKey = dist[best];
      for (let d = first + 1, last = Math.min(first + 4, size); d < last; d++) {
        const q = heap[d];
        const k = dist[q];
        if (k < bestKey || (k === bestKey && q < best)) {
          c = d;
          best = q;
          bestKey = k;
        }
      }
      if (bestKey > key || (bestKey === key && best > node)) break;
      heap[i] = best;
      heapPos[best] = i;
      i = c;
    }
    heap[i] = node;
    heapPos[node] = i;
    return top;
  }

  /**
   * What it would cost to take one unit off a used arc and re-route it the cheapest way: the
   * shortest residual path from the arc's tail back to its head without the arc, plus the arc's
   * reduced cost undone. Looks only (no flow or potential changes); after settling `maxSettled`
   * nodes it stops and answers the distance reached so far instead (a lower bound on the cost).
   */
  detourCost(arc: number, maxSettled = Infinity): number {
    const { dist, pot, head, residualBySlot, costBySlot, slotHead, adjStart, settledMark, heap, heapPos, touched } = this;
    const source = head[arc ^ 1];
    const target = head[arc];
    const skip = this.slotOf[arc];
    const mark = ++this.stamp;
    let touchedCount = 1;
    let settledCount = 0;
    touched[0] = source;
    dist[source] = 0;
    this.heapSize = 1;
    heap[0] = source;
    heapPos[source] = 0;
    let found = Infinity;
    while (this.heapSize > 0) {
      const u = this.heapPop();
      const du = dist[u];
      if (settledCount >= maxSettled) {
        found = du;
        break;
      }
      settledMark[u] = mark;
      settledCount++;
      if (u === target) {
        found = du;
        break;
      }
      const base = du + pot[u];
      for (let i = adjStart[u], end = adjStart[u + 1]; i < end; i++) {
        if (i === skip || residualBySlot[i] <= 0) continue;
        const v = slotHead[i];
        if (settledMark[v] === mark) continue;
        const nd = base + costBySlot[i] - pot[v];
        if (nd < dist[v]) {
          if (dist[v] === Infinity) touched[touchedCount++] = v;
          dist[v] = nd;
          if (heapPos[v] < 0) {
            heap[this.heapSize] = v;
            heapPos[v] = this.heapSize++;
          }
          this.siftUp(heapPos[v], v);
        }
      }
    }
    this.work += settledCount;
    for (let i = 0; i < this.heapSize; i++) heapPos[heap[i]] = -1;
    this.heapSize = 0;
    for (let i = 0; i < touchedCount; i++) dist[touched[i]] = Infinity;
    return found - this.reducedCost(arc);
  }

  /** One shortest augmenting path from `source` to the nearest node with a deficit. */
  private augmentFrom(source: number): boolean {
    this.searches++;
    const { dist, pot, residualBySlot, costBySlot, slotHead, slotReverse, adjStart, parent, settledMark, excess, heap, heapPos, touched, settled } = this;
    const mark = ++this.stamp;
    let touchedCount = 1;
    let settledCount = 0;
    touched[0] = source;
    dist[source] = 0;
    parent[source] = -1;
    this.heapSize = 1;
    heap[0] = source;
    heapPos[source] = 0;
    let target = -1;
    let reach = 0;
    while (this.heapSize > 0) {
      const u = this.heapPop();
      const du = dist[u];
      settledMark[u] = mark;
      settled[settledCount++] = u;
      if (excess[u] < 0) {
        target = u;
        reach = du;
        break;
      }
      const base = du + pot[u];
      for (let i = adjStart[u], end = adjStart[u + 1]; i < end; i++) {
        if (residualBySlot[i] <= 0) continue;
        const v = slotHead[i];
        if (settledMark[v] === mark) continue;
        const nd = base + costBySlot[i] - pot[v];
        if (nd < dist[v]) {
          if (dist[v] === Infinity) touched[touchedCount++] = v;
          dist[v] = nd;
          parent[v] = i;
          if (heapPos[v] < 0) {
            heap[this.heapSize] = v;
            heapPos[v] = this.heapSize++;
          }
          this.siftUp(heapPos[v], v);
        }
        // a deficit reached at the distance being settled cannot be beaten: stop here
        if (excess[v] < 0 && dist[v] === du) {
          target = v;
          reach = du;
          break;
        }
      }
      if (target >= 0) break;
    }
    this.work += settledCount;
    for (let i = 0; i < this.heapSize; i++) heapPos[heap[i]] = -1;
    this.heapSize = 0;
    if (target >= 0) {
      for (let i = 0; i < settledCount; i++) {
        const v = settled[i];
        pot[v] += dist[v] - reach;
      }
      let units = Math.min(excess[source], -excess[target]);
      // parent[v] is the slot of the arc the path enters v by
      for (let v = target; v !== source; v = slotHead[slotReverse[parent[v]]]) units = Math.min(units, residualBySlot[parent[v]]);
      for (let v = target; v !== source; v = slotHead[slotReverse[parent[v]]]) {
        const slot = parent[v];
        residualBySlot[slot] -= units;
        residualBySlot[slotReverse[slot]] += units;
      }
      excess[source] -= units;
      excess[target] += units;
    }
    for (let i = 0; i < touchedCount; i++) dist[touched[i]] = Infinity;
    return target >= 0;
  }
}
