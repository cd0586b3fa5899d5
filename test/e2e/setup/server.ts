/** Global setup for the end-to-end project: build, serve from workerd, tear down after. */
import type { TestProject } from 'vitest/node';
import { build, serve } from '../../../scripts/serve-app';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  build();
  const app = await serve();
  project.provide('baseURL', app.baseURL);
  return () => app.stop();
}
