/** Jest global teardown: stops the cluster pgGlobalSetup started (none when the URL came from outside). */
export default function teardown(): void {
  globalThis.koersTestCluster?.stop();
  globalThis.koersTestCluster = undefined;
}
