// The recruiter's path through a role in the real renderer, shared by the e2e test and the
// screenshots: intake → sub-role suggestion → readiness → band → ranked samples.
import type { Page } from 'playwright-core';

export const roleTitle = 'Senior applied MLOps contractor';

/** From any screen: Roles → New role → the intake filled in, not yet saved. */
export async function fillIntake(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: /^Roles/ }).click();
  await page.getByRole('button', { name: 'New role' }).click();
  await page.getByRole('heading', { name: '1. Which job is it?' }).waitFor();
  await page.getByLabel("A model endpoint's p99 latency breaks its target").check();
  await page.getByLabel('Features feeding a live model are stale').check();
  await page.getByLabel('Another alert').fill('Drift alert on the fraud model');
  await page.getByRole('button', { name: 'Add alert' }).click();
  await page.getByRole('button', { name: 'Suggest the sub-role' }).click();
  await page.getByLabel('Suggestion').waitFor();
  await page.getByRole('button', { name: 'Use Applied MLOps' }).click();

  await page.getByRole('radio', { name: 'Weekly, or shadow tests run all the time' }).click();
  await page.getByRole('radio', { name: 'More than ten' }).click();
  await page.getByRole('radio', { name: 'Triggered by drift or gated on quality, or per customer' }).click();
  await page.getByRole('radio', { name: 'Mostly to fixing infrastructure' }).click();

  await page.getByLabel('Title').fill(roleTitle);
  await page.getByLabel('Location').selectOption('seattle');
  await page.getByLabel('Engagement', { exact: true }).selectOption('c2c');
  await page.getByLabel('Must-have tools', { exact: true }).selectOption('sagemaker');
  await page.getByLabel('Must-have tools', { exact: true }).selectOption('kubernetes');
  await page.getByLabel('Nice-to-have tools', { exact: true }).selectOption('mlflow');
  await page.getByLabel('LLM serving at scale').check();
  await page.getByText('× (1 + 11–16% LLM serving at scale)').waitFor();
}
