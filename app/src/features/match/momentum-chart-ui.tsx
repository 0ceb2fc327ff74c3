"use client";
/**
 * Live momentum chart (lightweight-charts). Pure with respect to data: it draws the points it is
 * given; the feature feeds it from the feed subscription. The box has a fixed height, so the page
 * does not shift when the chart library or the data arrives.
 */
import { useEffect, useRef } from "react";
import { BaselineSeries, ColorType, createChart, type IChartApi, type ISeriesApi, type UTCTimestamp } from "lightweight-charts";

export interface ChartPoint {
  readonly time: number;
  readonly value: number;
  readonly suspended: boolean;
}

export const CHART_HEIGHT = 280;

export function MomentumChartUi({ points, homeTeam, awayTeam }: { points: readonly ChartPoint[]; homeTeam: string; awayTeam: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<"Baseline"> | null>(null);

  useEffect(() => {
    if (box.current === null) return;
    const c = createChart(box.current, {
      height: CHART_HEIGHT,
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: "transparent" }, textColor: "#9aa4b2" },
      grid: { vertLines: { color: "#1f2733" }, horzLines: { color: "#1f2733" } },
      rightPriceScale: { scaleMargins: { top: 0.05, bottom: 0.05 } },
      timeScale: { timeVisible: true, secondsVisible: true },
    });
    const s = c.addSeries(BaselineSeries, {
      baseValue: { type: "price", price: 50 },
      topLineColor: "#3ddc97",
      topFillColor1: "rgba(61,220,151,0.28)",
      topFillColor2: "rgba(61,220,151,0.02)",
      bottomLineColor: "#ff6b6b",
      bottomFillColor1: "rgba(255,107,107,0.02)",
      bottomFillColor2: "rgba(255,107,107,0.28)",
      priceFormat: { type: "price", precision: 2, minMove: 0.01 },
      autoscaleInfoProvider: () => ({ priceRange: { minValue: 0, maxValue: 100 } }),
    });
    chart.current = c;
    series.current = s;
    return () => {
      c.remove();
      chart.current = null;
      series.current = null;
    };
  }, []);

  useEffect(() => {
    series.current?.setData(points.map((p) => ({ time: p.time as UTCTimestamp, value: p.value, ...(p.suspended ? { lineColor: "#f5a524" } : {}) })));
    chart.current?.timeScale().scrollToRealTime();
  }, [points]);

  const last = points[points.length - 1];
  return (
    <figure className="chart" aria-label={`Momentum chart, ${homeTeam} above 50, ${awayTeam} below`}>
      <div className="chart-legend">
        <span className="home">▲ {homeTeam}</span>
        <span data-testid="chart-last" className="chart-last">{last === undefined ? "—" : last.value.toFixed(2)}</span>
        <span className="away">▼ {awayTeam}</span>
      </div>
      <div ref={box} className="chart-box" style={{ height: CHART_HEIGHT }} data-testid="momentum-chart" data-points={points.length} />
    </figure>
  );
}
