import type { PageContext } from '../../layout/page-context';
import type { MessageDetail } from '../../../src/conversations/message-detail';

type Order = Extract<MessageDetail, { type: 'order' }>;

/** A cart sent from the catalogue: one row per item, the total when all items share a currency. */
export function OrderKind({ page, detail }: { page: PageContext; detail: Order }) {
  const money = (amount: number, currency: string) => `${page.format.number(amount)} ${currency}`;
  return (
    <div class="order">
      <strong safe>{page.t('inbox.order.title')}</strong>
      <div class="table-wrap">
        <table class="order-items">
          <thead>
            <tr>
              <th safe>{page.t('inbox.order.product')}</th>
              <th safe>{page.t('inbox.order.quantity')}</th>
              <th safe>{page.t('inbox.order.price')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.items.map((item) => (
              <tr>
                <td dir="auto" safe>
                  {item.product}
                </td>
                <td safe>{page.format.number(item.quantity)}</td>
                <td dir="ltr" safe>
                  {money(item.price, item.currency)}
                </td>
              </tr>
            ))}
          </tbody>
          {detail.total ? (
            <tfoot>
              <tr>
                <th colspan="2" safe>
                  {page.t('inbox.order.total')}
                </th>
                <td dir="ltr" safe>
                  {money(detail.total.amount, detail.total.currency)}
                </td>
              </tr>
            </tfoot>
          ) : (
            ''
          )}
        </table>
      </div>
      {detail.text ? (
        <p dir="auto" safe>
          {detail.text}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}
