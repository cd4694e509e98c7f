import fc from 'fast-check';
import { MinCostFlow } from './min-cost-flow';

/** Bipartite assignment as a flow: rows → columns (cost), each row may also go "unassigned" at 0. */
function assignment(costs: number[][]) {
  const flow = new MinCostFlow();
  const sink = flow.addNode();
  const rows = costs.map(() => flow.addNode());
  const cols = costs[0].map(() => flow.addNode());
  const arcs = costs.map((row, i) => row.map((c, j) => flow.addArc(rows[i], cols[j], 1, c)));
  rows.forEach((r) => flow.addArc(r, sink, 1, 0));
  cols.forEach((c) => flow.addArc(c, sink, 1, 0));
  rows.forEach((r) => flow.setSupply(r, 1));
  flow.setSupply(sink, -rows.length);
  flow.freeze();
  return { flow, arcs };
}

/** The cheapest assignment by trying them all. */
function bruteForce(costs: number[][]): number {
  let best = 0;
  const used = new Set<number>();
  const walk = (i: number, total: number) => {
    if (i === costs.length) {
      best = Math.min(best, total);
      return;
    }
    walk(i + 1, total);
    costs[i].forEach((c, j) => {
      if (used.has(j)) return;
      used.add(j);
      walk(i + 1, total + c);
      used.delete(j);
    });
  };
  walk(0, 0);
  return best;
}

const matrix = fc.integer({ min: 1, max: 4 }).chain((n) => fc.array(fc.array(fc.integer({ min: -50, max: 20 }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 4 }));

describe('MinCostFlow', () => {
  it('solves a small assignment by hand: rows 0,1 take columns 1,0', () => {
    const { flow, arcs } = assignment([
      [-5, -9],
      [-7, -8],
    ]);
    expect(flow.solve()).toBe(true);
    expect(flow.totalCost()).toBe(-16);
    expect([arcs[0][1], arcs[1][0]].map((a) => flow.flow(a))).toEqual([1, 1]);
  });

  it('finds the brute-force optimum', () => {
    fc.assert(
      fc.property(matrix, (costs) => {
        const { flow } = assignment(costs);
        expect(flow.solve()).toBe(true);
        expect(flow.totalCost()).toBe(bruteForce(costs));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('re-optimises after costs and capacities change, as if solved afresh', () => {
    fc.assert(
      fc.property(matrix, matrix, fc.array(fc.nat(), { maxLength: 3 }), (before, after, closed) => {
        const rows = Math.min(before.length, after.length);
        const cols = Math.min(before[0].length, after[0].length);
        const a = before.slice(0, rows).map((r) => r.slice(0, cols));
        const b = after.slice(0, rows).map((r) => r.slice(0, cols));
        const { flow, arcs } = assignment(a);
        flow.solve();
        b.forEach((row, i) => row.forEach((c, j) => flow.setCost(arcs[i][j], c)));
        const expected = b.map((row) => [...row]);
        for (const k of closed) {
          const i = k % rows;
          const j = Math.floor(k / rows) % cols;
          flow.setCapacity(arcs[i][j], 0);
          expected[i][j] = 1000; // never worth taking
        }
        expect(flow.solve()).toBe(true);
        expect(flow.totalCost()).toBe(bruteForce(expected));
        // optimality: no arc with room left has a negative reduced cost
        for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) expect(flow.residualCapacity(arcs[i][j]) === 0 || flow.reducedCost(arcs[i][j]) >= 0).toBe(true);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('honours a fixed unit (a lower bound of 1) and reports infeasibility', () => {
    const { flow, arcs } = assignment([
      [-5, -9],
      [-7, -8],
    ]);
    flow.solve();
    flow.setCapacity(arcs[0][0], 0);
    flow.fixUnits(arcs[0][0], 1);
    expect(flow.solve()).toBe(true);
    expect(flow.totalCost()).toBe(-5 - 8);
    const lonely = new MinCostFlow();
    const [s, t] = [lonely.addNode(), lonely.addNode()];
    lonely.addArc(s, t, 1, 0);
    lonely.setSupply(s, 2);
    lonely.setSupply(t, -2);
    lonely.freeze();
    expect(lonely.solve()).toBe(false);
  });

  it('re-bases its potentials before routing many excesses, with the same optimum', () => {
    fc.assert(
      fc.property(matrix, (costs) => {
        const { flow } = assignment(costs);
        flow.rebaseFrom = 1; // every solve re-bases
        expect(flow.solve()).toBe(true);
        expect(flow.totalCost()).toBe(bruteForce(costs));
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it('prices a detour exactly: the cost of closing a used arc and solving again', () => {
    fc.assert(
      fc.property(matrix, (costs) => {
        const { flow, arcs } = assignment(costs);
        flow.solve();
        const before = flow.totalCost();
        arcs.forEach((row, i) =>
          row.forEach((arc, j) => {
            if (flow.flow(arc) === 0) return;
            const expected = bruteForce(costs.map((r, ii) => r.map((c, jj) => (ii === i && jj === j ? 1000 : c)))) - before;
            expect(flow.detourCost(arc)).toBe(expected);
          }),
        );
      }),
      { numRuns: 200, seed: 17 },
    );
  });

  it('gives a cut-short detour search as a lower bound', () => {
    const { flow, arcs } = assignment([
      [-5, -9],
      [-7, -8],
    ]);
    flow.solve();
    const used = arcs[0][1];
    expect(flow.detourCost(used)).toBe(3); // row 0 takes column 0 and row 1 column 1: −5 − 8 against −16
    expect(flow.detourCost(used, 1)).toBeLessThanOrEqual(3);
  });

  it('clones into an independent copy of the flow and potentials', () => {
    const { flow, arcs } = assignment([
      [-5, -9],
      [-7, -8],
    ]);
    flow.solve();
    const copy = flow.clone();
    copy.setCapacity(arcs[0][1], 0);
    expect(copy.solve()).toBe(true);
    expect(copy.totalCost()).toBe(-13);
    expect(flow.totalCost()).toBe(-16);
    expect(flow.flow(arcs[0][1])).toBe(1);
    expect(copy.flow(arcs[0][1])).toBe(0);
  });

  it('counts the nodes its searches settle, the same on every run', () => {
    const run = () => {
      const { flow } = assignment([
        [-5, -9, -2],
        [-7, -8, -1],
        [-3, -4, -6],
      ]);
      flow.solve();
      return flow.work;
    };
    expect(run()).toBeGreaterThan(0);
    expect(run()).toBe(run());
  });
});
