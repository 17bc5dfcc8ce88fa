import type { PageContext } from '../layout/page-context';
import { Document } from '../layout/document';

export interface ApiEndpoint {
  method: string;
  path: string;
  summary: string;
}

/** A readable list of the REST API's endpoints, generated from the same OpenAPI object tools download. */
export function ApiDocsPage({ page, endpoints }: { page: PageContext; endpoints: ApiEndpoint[] }) {
  return (
    <Document page={page} title={page.t('api.docs.title')}>
      <main id="main" class="main api-docs">
        <h1 safe>{page.t('api.docs.title')}</h1>
        <p safe>{page.t('api.docs.intro')}</p>
        <p>
          <a href="/api/openapi.json" safe>
            {page.t('api.docs.spec')}
          </a>
        </p>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th safe>{page.t('api.docs.method')}</th>
                <th safe>{page.t('api.docs.path')}</th>
                <th safe>{page.t('api.docs.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((endpoint) => (
                <tr>
                  <td>
                    <code safe>{endpoint.method}</code>
                  </td>
                  <td dir="ltr">
                    <code safe>{endpoint.path}</code>
                  </td>
                  <td lang="en" dir="ltr" safe>
                    {endpoint.summary}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </main>
    </Document>
  );
}
