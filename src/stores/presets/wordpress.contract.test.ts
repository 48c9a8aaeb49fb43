/**
 * The WordPress + WooCommerce preset against a real MariaDB holding the WordPress and WooCommerce tables (their
 * real column types, no foreign keys, as WordPress creates them): `stores check` finds nothing to fix, and erasing a
 * customer removes the account, keeps the order under the VAT hold reduced to what it keeps, and deletes the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStore } from '../check.js';
import { storeModel } from '../plan.js';
import { createSqlConnector } from '../sql/engine.js';
import { createMysqlDriver } from '../sql/mysql.js';
import type { SqlDriver } from '../sql/driver.js';
import { isHashed } from '../strategies.js';
import { newMariaDbDatabase } from '../testing/targets.js';
import { wordpressPreset } from './wordpress.js';

const ddl = [
  `create table wp_users (ID bigint unsigned not null auto_increment primary key, user_login varchar(60) not null default '', user_pass varchar(255) not null default '',
    user_nicename varchar(50) not null default '', user_email varchar(100) not null default '', user_url varchar(100) not null default '',
    user_registered datetime not null default '0000-00-00 00:00:00', user_activation_key varchar(255) not null default '', user_status int(11) not null default 0,
    display_name varchar(250) not null default '', key user_email (user_email))`,
  `create table wp_usermeta (umeta_id bigint unsigned not null auto_increment primary key, user_id bigint unsigned not null default 0, meta_key varchar(255), meta_value longtext, key user_id (user_id))`,
  `create table wp_comments (comment_ID bigint unsigned not null auto_increment primary key, comment_post_ID bigint unsigned not null default 0, comment_author tinytext not null,
    comment_author_email varchar(100) not null default '', comment_author_url varchar(200) not null default '', comment_author_IP varchar(100) not null default '',
    comment_date datetime not null default '0000-00-00 00:00:00', comment_content text not null, comment_agent varchar(255) not null default '',
    user_id bigint unsigned not null default 0, key comment_author_email (comment_author_email(10)))`,
  `create table wp_wc_orders (id bigint unsigned not null primary key, status varchar(20), currency varchar(10), total_amount decimal(26,8), customer_id bigint unsigned,
    billing_email varchar(320), date_created_gmt datetime, ip_address varchar(100), user_agent text, customer_note text, key billing_email (billing_email(20)), key customer_id (customer_id))`,
  `create table wp_wc_order_addresses (id bigint unsigned auto_increment primary key, order_id bigint unsigned not null, address_type varchar(20), first_name text, last_name text,
    company text, address_1 text, address_2 text, city text, state text, postcode text, country text, email varchar(320), phone varchar(100), key order_id (order_id))`,
  `create table wp_woocommerce_order_items (order_item_id bigint unsigned not null auto_increment primary key, order_item_name text not null, order_item_type varchar(200) not null default '',
    order_id bigint unsigned not null, key order_id (order_id))`,
  `create table wp_wc_customer_lookup (customer_id bigint unsigned not null auto_increment primary key, user_id bigint unsigned default null, username varchar(60) not null default '',
    first_name varchar(255) not null, last_name varchar(255) not null, email varchar(100) null default null, postcode varchar(20) default '', city varchar(100) default '', unique key user_id (user_id))`,
];

describe('the WordPress + WooCommerce preset on MariaDB', () => {
  let driver: SqlDriver;
  let url: string;

  beforeAll(async () => {
    url = await newMariaDbDatabase();
    driver = createMysqlDriver(url);
    await driver.query(`set session sql_mode = ''`);
    for (const statement of ddl) await driver.query(statement);
    await driver.query(`insert into wp_users (ID, user_login, user_pass, user_nicename, user_email, display_name, user_registered) values
      (1, 'admin', '$P$admin', 'admin', 'admin@shop.example', 'Admin', now()), (7, 'anne', '$P$anne', 'anne', 'anne@example.be', 'Anne Claes', now())`);
    await driver.query(
      `insert into wp_usermeta (user_id, meta_key, meta_value) values (7, 'billing_phone', '+32470111222'), (7, 'first_name', 'Anne'), (1, 'first_name', 'Admin')`,
    );
    await driver.query(`insert into wp_comments (comment_ID, comment_author, comment_author_email, comment_author_IP, comment_content, user_id) values
      (1, 'Anne', 'anne@example.be', '192.0.2.7', 'Great lamp!', 7), (2, 'Guest', 'guest@example.be', '192.0.2.8', 'Hello', 0)`);
    await driver.query(`insert into wp_wc_orders (id, status, total_amount, customer_id, billing_email, date_created_gmt, ip_address, user_agent, customer_note) values
      (100, 'wc-completed', 120, 7, 'anne@example.be', now() - interval 2 year, '192.0.2.7', 'Firefox', 'leave at the door'),
      (101, 'wc-completed', 80, 7, 'anne@example.be', now() - interval 12 year, '192.0.2.7', 'Firefox', null)`);
    await driver.query(`insert into wp_wc_order_addresses (order_id, address_type, first_name, last_name, address_1, city, postcode, email, phone) values
      (100, 'billing', 'Anne', 'Claes', 'Veldstraat 1', 'Gent', '9000', 'anne@example.be', '+32470111222'),
      (101, 'billing', 'Anne', 'Claes', 'Veldstraat 1', 'Gent', '9000', 'anne@example.be', '+32470111222')`);
    await driver.query(
      `insert into wp_woocommerce_order_items (order_item_name, order_item_type, order_id) values ('Lamp', 'line_item', 100), ('Cable', 'line_item', 101)`,
    );
    await driver.query(
      `insert into wp_wc_customer_lookup (user_id, username, first_name, last_name, email, postcode, city) values (7, 'anne', 'Anne', 'Claes', 'anne@example.be', '9000', 'Gent')`,
    );
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('matches the live WordPress schema', async () => {
    const live = await driver.introspect();
    const findings = checkStore(wordpressPreset(), live, [
      { id: 'vat-invoices', law: 'Belgian VAT Code, art. 60', duration: 'P10Y' },
    ]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('erases a customer: the account goes, the recent order is kept reduced under the VAT hold', async () => {
    const connector = createSqlConnector({
      id: 'wordpress',
      kind: 'mysql',
      model: storeModel(wordpressPreset(), [
        { id: 'vat-invoices', law: 'Belgian VAT Code, art. 60', duration: 'P10Y' },
      ]),
      driver: createMysqlDriver(url),
      context: { hashKey: Buffer.from('wordpress-preset-test-key') },
    });
    try {
      const result = await connector.erase({
        jobId: 'wp-1',
        identities: [{ type: 'email', value: 'anne@example.be' }],
      });
      expect(result.kept).toEqual([
        expect.objectContaining({
          table: 'wp_wc_orders',
          rows: 1,
          hold: 'vat-invoices',
          keptColumns: ['billing_email'],
        }),
      ]);
    } finally {
      await connector.close();
    }
    expect((await driver.query('select ID from wp_users order by ID')).rows.map((r) => Number(r.ID))).toEqual([1]);
    expect((await driver.query('select user_id from wp_usermeta')).rows.map((r) => Number(r.user_id))).toEqual([1]);
    expect((await driver.query('select count(*) as n from wp_wc_customer_lookup')).rows[0]?.n).toBe(0);
    const comments = (await driver.query('select * from wp_comments order by comment_ID')).rows;
    expect(isHashed(comments[0]?.comment_author_email)).toBe(true);
    expect(comments[0]).toMatchObject({
      comment_author: '[erased]',
      comment_content: '[erased]',
      comment_author_IP: '[erased]',
    });
    expect(comments[1]).toMatchObject({ comment_author: 'Guest', comment_author_email: 'guest@example.be' });
    const orders = (
      await driver.query(
        'select id, billing_email, ip_address, user_agent, customer_note from wp_wc_orders order by id',
      )
    ).rows;
    expect(orders[0]).toMatchObject({
      billing_email: 'anne@example.be',
      ip_address: null,
      user_agent: null,
      customer_note: null,
    });
    expect(isHashed(orders[1]?.billing_email)).toBe(true);
    const addresses = (
      await driver.query('select first_name, city, phone from wp_wc_order_addresses order by order_id')
    ).rows;
    expect(addresses.every((a) => a.first_name === '[erased]' && a.city === '[erased]' && a.phone === null)).toBe(true);
  });
});
