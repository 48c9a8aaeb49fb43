/**
 * Ready-made `stores` fragments for common systems. WordPress + WooCommerce: users and their meta, comments, and
 * WooCommerce orders in the high-performance order tables (WooCommerce 8+: wc_orders, wc_order_addresses,
 * woocommerce_order_items, wc_customer_lookup). WordPress has no foreign keys, so its references are declared
 * `enforced: false` (a user may go while an order kept for the VAT hold still names its id).
 *
 * The fragment refers to the legal hold `vat-invoices` (orders are invoices' evidence): declare it in `holds`.
 */
import { stringify } from 'yaml';
import { storeSchema, type Store } from '../../charter/schema.js';

export interface WordPressPresetOptions {
  id?: string;
  /** Environment variable holding the mysql:// URL of the WordPress database. */
  connection?: string;
  /** Table prefix (`wp_` by default). */
  prefix?: string;
  /** Include the WooCommerce tables (default true). */
  woocommerce?: boolean;
}

/** The WordPress (+ WooCommerce) store declaration, parsed with defaults. */
export function wordpressPreset(options: WordPressPresetOptions = {}): Store {
  const p = options.prefix ?? 'wp_';
  const loose = { enforced: false };
  const tables: unknown[] = [
    {
      name: `${p}users`,
      primaryKey: 'ID',
      columns: [
        { name: 'user_email', category: 'contact.email', identity: 'email', erase: 'delete' },
        { name: 'user_login', category: 'account.username', erase: 'delete' },
        { name: 'user_pass', category: 'account.password', erase: 'delete', secret: true },
        { name: 'user_activation_key', category: 'account.token', erase: 'delete', secret: true },
        { name: 'user_nicename', category: 'account.username', erase: 'delete' },
        { name: 'display_name', category: 'identity.name', erase: 'delete' },
        { name: 'user_url', category: 'professional.public-profile', erase: 'delete' },
      ],
    },
    {
      name: `${p}usermeta`,
      primaryKey: 'umeta_id',
      references: [{ column: 'user_id', to: `${p}users.ID`, ...loose }],
      // Names, billing and shipping addresses, phone: WooCommerce keeps the customer's details here.
      columns: [{ name: 'meta_value', category: 'account.settings', erase: 'delete' }],
    },
    {
      name: `${p}comments`,
      primaryKey: 'comment_ID',
      references: [{ column: 'user_id', to: `${p}users.ID`, ...loose }],
      columns: [
        { name: 'comment_author_email', category: 'contact.email', identity: 'email', erase: 'hash' },
        { name: 'comment_author', category: 'identity.name', erase: 'redact' },
        { name: 'comment_author_url', category: 'professional.public-profile', erase: 'redact' },
        { name: 'comment_author_IP', category: 'online.ip-address', erase: 'redact' },
        { name: 'comment_agent', category: 'online.user-agent', erase: 'redact' },
        { name: 'comment_content', category: 'communication.message', erase: 'redact' },
      ],
    },
  ];
  if (options.woocommerce ?? true) {
    tables.push(
      {
        name: `${p}wc_orders`,
        primaryKey: 'id',
        references: [{ column: 'customer_id', to: `${p}users.ID`, ...loose }],
        anchor: 'date_created_gmt',
        holds: [{ hold: 'vat-invoices', anchor: 'date_created_gmt', keep: ['billing_email'] }],
        columns: [
          { name: 'billing_email', category: 'contact.email', identity: 'email', erase: 'hash' },
          { name: 'ip_address', category: 'online.ip-address', erase: 'null' },
          { name: 'user_agent', category: 'online.user-agent', erase: 'null' },
          { name: 'customer_note', category: 'commercial.order-history', erase: 'null' },
        ],
      },
      {
        name: `${p}wc_order_addresses`,
        primaryKey: 'id',
        references: [{ column: 'order_id', to: `${p}wc_orders.id`, ...loose }],
        // If WooCommerce itself is where invoices are kept, set these to keep: the VAT hold needs the billing address.
        columns: [
          { name: 'first_name', category: 'identity.name', erase: 'redact' },
          { name: 'last_name', category: 'identity.name', erase: 'redact' },
          { name: 'company', category: 'professional.company-name', erase: 'null' },
          { name: 'address_1', category: 'contact.postal-address', erase: 'redact' },
          { name: 'address_2', category: 'contact.postal-address', erase: 'null' },
          { name: 'city', category: 'contact.postal-address', erase: 'redact' },
          { name: 'postcode', category: 'contact.postal-code', erase: 'redact' },
          { name: 'email', category: 'contact.email', identity: 'email', erase: 'hash' },
          { name: 'phone', category: 'contact.phone', erase: 'null' },
        ],
      },
      {
        name: `${p}woocommerce_order_items`,
        primaryKey: 'order_item_id',
        references: [{ column: 'order_id', to: `${p}wc_orders.id`, ...loose }],
        columns: [{ name: 'order_item_name', category: 'commercial.order-history', erase: 'keep' }],
      },
      {
        name: `${p}wc_customer_lookup`,
        primaryKey: 'customer_id',
        references: [{ column: 'user_id', to: `${p}users.ID`, nullable: true, ...loose }],
        columns: [
          { name: 'email', category: 'contact.email', identity: 'email', erase: 'delete' },
          { name: 'username', category: 'account.username', erase: 'delete' },
          { name: 'first_name', category: 'identity.name', erase: 'delete' },
          { name: 'last_name', category: 'identity.name', erase: 'delete' },
          { name: 'postcode', category: 'contact.postal-code', erase: 'delete' },
          { name: 'city', category: 'contact.postal-address', erase: 'delete' },
        ],
      },
    );
  }
  return storeSchema.parse({
    id: options.id ?? 'wordpress',
    name: options.woocommerce === false ? 'WordPress site' : 'WordPress + WooCommerce',
    kind: 'mysql',
    connection: options.connection ?? 'WORDPRESS_DATABASE_URL',
    tables,
  });
}

/** The preset as YAML to paste under `stores:` in charter.yaml. */
export function wordpressPresetYaml(options: WordPressPresetOptions = {}): string {
  const store = wordpressPreset(options);
  const header = [
    '# WordPress + WooCommerce (generated by `charter stores preset wordpress`).',
    '# Needs the legal hold `vat-invoices` under holds: (e.g. Belgian VAT Code, art. 60, P10Y).',
    '# Give tables a purpose and an anchor for retention; run `charter stores check` against the live database.',
  ];
  return `${header.join('\n')}\n${stringify([store], { lineWidth: 120 })}`;
}
