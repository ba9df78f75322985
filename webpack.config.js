// Builds the three browser bundles Koers serves from one origin:
//  - the Excel task pane (addin/), with a local copy of office.js as the CDN fallback,
//  - the respondent form (server/public/form/),
//  - the management-team scoring page (server/public/scoring/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';

const root = path.dirname(fileURLToPath(import.meta.url));

const officeJsFiles =
  /\/office-js\/dist\/(office\.js|o15apptofilemappingtable\.js|excel(webapp)?-[^/]*\.js|(en-us|nl-nl)\/office_strings\.js|telemetry\/oteljs_agave\.js)$/;

const pages = [
  { name: 'addin/taskpane', entry: './addin/taskpane/taskpane.ts', template: './addin/taskpane/taskpane.html' },
  { name: 'form/index', entry: './server/public/form/form.ts', template: './server/public/form/form.html' },
  { name: 'form/code', entry: './server/public/form/code.ts', template: './server/public/form/code.html' },
  {
    name: 'scoring/index',
    entry: './server/public/scoring/scoring.ts',
    template: './server/public/scoring/scoring.html',
  },
];

export default (env, argv) => ({
  mode: argv.mode ?? 'production',
  devtool: argv.mode === 'development' ? 'source-map' : false,
  entry: Object.fromEntries(pages.map((p) => [p.name, p.entry])),
  output: {
    path: path.join(root, 'dist'),
    filename: '[name].js',
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
      { test: /\.(woff2?|ttf|eot)$/, type: 'asset/resource', generator: { filename: 'fonts/[name][ext]' } },
    ],
  },
  plugins: [
    ...pages.map(
      (p) =>
        new HtmlWebpackPlugin({
          template: p.template,
          filename: `${p.name}.html`,
          chunks: [p.name],
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
  ],
  performance: { hints: false },
});
