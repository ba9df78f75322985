// Builds the browser bundles Koers serves from one origin:
//  - the Excel task pane (addin/), with a local copy of office.js as the CDN fallback,
//  - the respondent form and its code-entry page (server/public/form/),
//  - the management-team scoring page (server/public/scoring/),
//  - the workbook download page (server/public/download/).
// Script names carry a content hash, so the server can let browsers keep them for a year
// (the HTML, never cached, names the current ones); every text file is also written precompressed
// (.br and .gz) so the server sends brotli or gzip without compressing on each request.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { transformSync } from 'esbuild';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';

const root = path.dirname(fileURLToPath(import.meta.url));

const officeJsFiles =
  /\/office-js\/dist\/(office\.js|o15apptofilemappingtable\.js|excel(webapp)?-[^/]*\.js|(en-us|nl-nl)\/office_strings\.js|telemetry\/oteljs_agave\.js)$/;

/**
 * Writes name.br and name.gz (gzip -9) beside every emitted text file over 1 kB. Brotli at its best
 * quality for our bundles; quality 9 for the 9 MB of office.js copies (11 would add ~25 s per build
 * for 8 % fewer bytes on a fallback that loads only when Microsoft's CDN is blocked).
 */
class PrecompressPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise('PrecompressPlugin', async (compilation) => {
      const outDir = compilation.outputOptions.path;
      const names = Object.keys(compilation.assets).filter((name) => /\.(js|css|html|svg|json|txt)$/.test(name));
      await Promise.all(
        names.map(async (name) => {
          const file = path.join(outDir, name);
          const bytes = await fs.promises.readFile(file);
          if (bytes.length < 1024) return;
          const brotli = zlib.brotliCompressSync(bytes, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: name.startsWith('addin/office-js/') ? 9 : 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          });
          await fs.promises.writeFile(`${file}.br`, brotli);
          await fs.promises.writeFile(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
        }),
      );
    });
  }
}

/**
 * The public pages' style sheets, minified and put into the page's <style> (in `<%= head %>`, see
 * publicPageParts): no extra request and no style loader in the script, which on a phone is the difference
 * between a first load under and over 20 KB. The HTML is never cached, so nothing goes stale.
 */
function inlineStyles(...files) {
  const css = files.map((file) => fs.readFileSync(path.join(root, file), 'utf8')).join('\n');
  return transformSync(css, { loader: 'css', minify: true, target: ['chrome90', 'safari14', 'firefox90'] }).code.trim();
}

/**
 * What the public pages share, for their templates: `<%= head %>` (meta tags and the inlined styles)
 * and `<%= topbar %>` (brand and language switch), from server/public/shared/.
 */
function publicPageParts(styles) {
  const part = (name) => fs.readFileSync(path.join(root, 'server/public/shared', name), 'utf8');
  return { head: part('head.html').replace('/*styles*/', () => inlineStyles(...styles)), topbar: part('topbar.html') };
}

const pages = [
  { name: 'addin/taskpane', entry: './addin/taskpane/taskpane.ts', template: './addin/taskpane/taskpane.html' },
  {
    name: 'form/index',
    entry: './server/public/form/form.ts',
    template: './server/public/form/form.html',
    styles: ['server/public/form/form.css'],
  },
  {
    name: 'form/code',
    entry: './server/public/form/code.ts',
    template: './server/public/form/code.html',
    styles: ['server/public/form/form.css'],
  },
  {
    name: 'scoring/index',
    entry: './server/public/scoring/scoring.ts',
    template: './server/public/scoring/scoring.html',
    styles: ['server/public/form/form.css', 'server/public/scoring/scoring.css'],
  },
  // The workbook download for advisers without the add-in (server/workbook/).
  {
    name: 'download/index',
    entry: './server/public/download/download.ts',
    template: './server/public/download/download.html',
    styles: ['server/public/download/download.css'],
  },
];

export default (env, argv) => ({
  mode: argv.mode ?? 'production',
  devtool: argv.mode === 'development' ? 'source-map' : false,
  entry: Object.fromEntries(pages.map((p) => [p.name, p.entry])),
  output: {
    path: path.join(root, 'dist'),
    filename: '[name].[contenthash:16].js',
    chunkFilename: 'addin/[name].[contenthash:16].js', // chunks loaded on demand: only the task pane has any
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' } } },
      },
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
    ],
  },
  plugins: [
    ...pages.map(
      (p) =>
        new HtmlWebpackPlugin({
          template: p.template,
          filename: `${p.name}.html`,
          chunks: [p.name],
          ...(p.styles && { templateParameters: publicPageParts(p.styles) }),
          // Scripts are injected by name only, so pages work below any path prefix.
          publicPath: '',
        }),
    ),
    new CopyWebpackPlugin({
      patterns: [
        // School networks often block Microsoft's CDN: the task pane falls back to this copy.
        // Only what office.js loads in Excel (about 10 of the package's 86 MB): office.js, the host
        // mapping table, the Excel host files, Dutch and English strings (office.js falls back to
        // en-us for other languages) and its telemetry sink.
        {
          from: '**/*',
          context: 'node_modules/@microsoft/office-js/dist',
          to: 'addin/office-js',
          filter: (file) => officeJsFiles.test(file.replace(/\\/g, '/')) && !file.endsWith('.debug.js'),
        },
        { from: 'addin/assets', to: 'addin/assets', noErrorOnMissing: true },
      ],
    }),
    new PrecompressPlugin(),
  ],
  performance: { hints: false },
});
