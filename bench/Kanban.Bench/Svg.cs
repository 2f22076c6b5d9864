using System.Globalization;
using System.Text;

namespace Kanban.Bench;

/// <summary>
/// A latency histogram as a self-contained SVG (no blank lines, so it can sit inline in Markdown):
/// log-scale time axis with 10 bins per decade, the cumulative share as a line, and markers for
/// p50, p99, the maximum and the target.
/// </summary>
public static class Svg
{
    private const int Width = 760, Height = 300, Left = 58, Right = 52, Top = 78, Bottom = 46;
    private const int BinsPerDecade = 10;

    public static string Histogram(string title, double[] samplesMs, double? targetMs)
    {
        var values = samplesMs.Where(v => v > 0 && double.IsFinite(v)).ToArray();
        if (values.Length == 0)
            return "";
        Array.Sort(values);
        var summary = Summary.Of(values);

        var lo = Math.Floor(Math.Log10(Math.Max(values[0], 0.001)));
        var hi = Math.Ceiling(Math.Log10(values[^1]) + 1e-9);
        if (targetMs is { } t and > 0)
        {
            lo = Math.Min(lo, Math.Floor(Math.Log10(t)));
            hi = Math.Max(hi, Math.Ceiling(Math.Log10(t) + 1e-9));
        }
        if (hi <= lo)
            hi = lo + 1;
        var decades = (int)(hi - lo);
        var bins = new int[decades * BinsPerDecade];
        foreach (var v in values)
            bins[Math.Clamp((int)Math.Floor((Math.Log10(v) - lo) * BinsPerDecade), 0, bins.Length - 1)]++;
        var most = Math.Max(1, bins.Max());

        double plotW = Width - Left - Right, plotH = Height - Top - Bottom, baseY = Top + plotH;
        double X(double ms) => Left + (Math.Log10(ms) - lo) / decades * plotW;
        double Y(double share) => baseY - share * plotH;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"Helvetica,Arial,sans-serif\" font-size=\"11\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{Left}\" y=\"18\" font-size=\"14\" font-weight=\"bold\" fill=\"#222\">{Escape(title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{Left}\" y=\"34\" fill=\"#555\">{summary.Count:N0} samples · p50 {Result.Fmt(summary.P50)} ms · p99 {Result.Fmt(summary.P99)} ms · max {Result.Fmt(summary.Max)} ms · bars: samples per bin (log time axis), line: cumulative %</text>\n");

        // Grid and axes.
        for (var d = 0; d <= decades; d++)
        {
            var ms = Math.Pow(10, lo + d);
            var x = X(ms);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F1}\" y1=\"{Top}\" x2=\"{x:F1}\" y2=\"{baseY:F1}\" stroke=\"#e3e3e3\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:F1}\" y=\"{baseY + 16:F1}\" text-anchor=\"middle\" fill=\"#333\">{Label(ms)}</text>\n");
            if (d < decades)
                foreach (var minor in new[] { 2.0, 5.0 })
                {
                    var mx = X(ms * minor);
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{mx:F1}\" y1=\"{baseY:F1}\" x2=\"{mx:F1}\" y2=\"{baseY + 4:F1}\" stroke=\"#999\"/>\n");
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{mx:F1}\" y=\"{baseY + 14:F1}\" text-anchor=\"middle\" fill=\"#999\" font-size=\"9\">{minor:0}</text>\n");
                }
        }
        foreach (var share in new[] { 0.25, 0.5, 0.75, 1.0 })
        {
            var y = Y(share);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Left + plotW:F1}\" y2=\"{y:F1}\" stroke=\"#f0f0f0\"/>\n");
            var count = most < 20 ? (most * share).ToString("0.#", CultureInfo.InvariantCulture) : Math.Round(most * share).ToString("N0", CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\" fill=\"#4e79a7\">{count}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + plotW + 6:F1}\" y=\"{y + 4:F1}\" fill=\"#3a8f3a\">{share * 100:0}%</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{Left + plotW / 2:F1}\" y=\"{Height - 6}\" text-anchor=\"middle\" fill=\"#333\">latency (log scale)</text>\n");

        // Bars.
        for (var b = 0; b < bins.Length; b++)
        {
            if (bins[b] == 0)
                continue;
            var x0 = X(Math.Pow(10, lo + (double)b / BinsPerDecade));
            var x1 = X(Math.Pow(10, lo + (double)(b + 1) / BinsPerDecade));
            var h = Math.Max(1, (double)bins[b] / most * plotH);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x0 + 0.5:F1}\" y=\"{baseY - h:F1}\" width=\"{Math.Max(1, x1 - x0 - 1):F1}\" height=\"{h:F1}\" fill=\"#4e79a7\"><title>{bins[b]:N0} samples</title></rect>\n");
        }

        // Cumulative share at each bin's right edge.
        var points = new StringBuilder();
        var seen = 0;
        points.Append(CultureInfo.InvariantCulture, $"{X(Math.Pow(10, lo)):F1},{baseY:F1}");
        for (var b = 0; b < bins.Length; b++)
        {
            seen += bins[b];
            points.Append(CultureInfo.InvariantCulture, $" {X(Math.Pow(10, lo + (double)(b + 1) / BinsPerDecade)):F1},{Y((double)seen / values.Length):F1}");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"#3a8f3a\" stroke-width=\"1.5\"/>\n");

        // Markers, labels staggered so that neighbours do not overlap.
        var markers = new List<(double Ms, string Text, string Color, string Dash)>
        {
            (summary.P50, $"p50 {Result.Fmt(summary.P50)}", "#1f5fa8", "4,3"),
            (summary.P99, $"p99 {Result.Fmt(summary.P99)}", "#e07b00", "4,3"),
            (summary.Max, $"max {Result.Fmt(summary.Max)}", "#777777", "2,3"),
        };
        if (targetMs is { } target and > 0)
            markers.Add((target, $"target {Result.Fmt(target)}", "#d62728", ""));
        var rowEnds = new double[4]; // where the last label of each row ends
        Array.Fill(rowEnds, double.NegativeInfinity);
        foreach (var (ms, text, color, dash) in markers.OrderBy(m => m.Ms))
        {
            var x = X(ms);
            var nearRight = x > Left + plotW - 90; // a label there would run off the picture: it ends at its line
            var width = (text.Length + 3) * 5.6;
            var (from, to) = nearRight ? (x - 3 - width, x) : (x, x + 3 + width);
            var row = 0; // labels of close markers stack upwards
            while (row < rowEnds.Length - 1 && from < rowEnds[row] + 4)
                row++;
            rowEnds[row] = to;
            var dashAttr = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "";
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{x:F1}\" y1=\"{Top - 14 - row * 12:F1}\" x2=\"{x:F1}\" y2=\"{baseY:F1}\" stroke=\"{color}\" stroke-width=\"1.5\"{dashAttr}/>\n");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{(nearRight ? x - 3 : x + 3):F1}\" y=\"{Top - 6 - row * 12:F1}\"{(nearRight ? " text-anchor=\"end\"" : "")} fill=\"{color}\" font-size=\"10\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\">{Escape(text)} ms</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{Left}\" y1=\"{baseY:F1}\" x2=\"{Left + plotW:F1}\" y2=\"{baseY:F1}\" stroke=\"#333\"/>\n");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Label(double ms) => ms switch
    {
        >= 1000 => $"{ms / 1000:0.###} s",
        _ => $"{ms:0.###} ms",
    };

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
