import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { HeatMap } from './HeatMap';
import { heatRow, type Figure } from './heatmap';

afterEach(cleanup);

const f = (benchmark: number, met: number, pupils: number): Figure => ({ benchmark, met, pupils, gap: pupils - met, percentage: pupils ? Math.round((met / pupils) * 1000) / 10 : null });
const row = (name: string, y7: [number, number], y8: [number, number]) =>
  heatRow(name, name, { byYearGroup: [{ yearGroup: 7, figures: [f(5, ...y7), f(6, 0, 100)] }, { yearGroup: 8, figures: [f(5, ...y8), f(6, 0, 100)] }], figures: [f(5, y7[0] + y8[0], y7[1] + y8[1]), f(6, 0, 200)] });

describe('HeatMap', () => {
  it('lists the schools worst first with a labelled cell per year group and benchmark', () => {
    render(<HeatMap rows={[row('Ash', [80, 100], [90, 100]), row('Birch', [10, 100], [20, 100])]} benchmarks={[5, 6]} caption="North cluster" />);
    const table = screen.getByRole('table', { name: 'North cluster' });
    const rows = within(table).getAllByRole('row').slice(2);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Birch', 'Ash']);
    expect(within(rows[0] as HTMLElement).getAllByRole('cell').map((c) => c.textContent)).toEqual(['10%', '0%', '20%', '0%']);
    expect(screen.getByLabelText('Birch, Year 7, Benchmark 5: 10 of 100 pupils (90 still waiting)')).toBeTruthy();
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['School', 'Year 7', 'Year 8', 'BM5', 'BM6', 'BM5', 'BM6']);
  });

  it('opens the gap list of a cell with pupils waiting', () => {
    const onCell = vi.fn();
    render(<HeatMap rows={[row('Ash', [80, 100], [100, 100])]} benchmarks={[5]} caption="c" onCell={onCell} />);
    fireEvent.click(screen.getByRole('button', { name: /Ash, Year 7, Benchmark 5: 80 of 100 pupils/ }));
    expect(onCell).toHaveBeenCalledWith('Ash', 7, 5);
    // Nobody waiting: nothing to open.
    expect(screen.queryByRole('button', { name: /Ash, Year 8/ })).toBeNull();
  });
});
