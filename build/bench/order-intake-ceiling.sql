-- The synchronous writes of one order placement, hand-written on OrderHub's own schema: the ceiling order
-- intake is measured against (build/bench.sh runs it with pgbench -M prepared, 32 clients, on the app's database
-- after the seed, right before the intake scenario). Same SKU draw as the load driver: line g of 3 comes from
-- its own group of 10 intake SKUs (BENCH-0000..0009, 0010..0019, 0020..0029), one unit each.
-- Lock the 3 SKU rows in key order, reserve the 3 stock levels with one conditional UPDATE (all or none),
-- insert the order, its lines, its timeline entry, 3 ledger movements and 2 outbox rows (1 StockStepCompleted with
-- the figures of the 3 SKUs, ADR 0036; 1 OrderConfirmed), commit. The outbox rows are written already processed, so
-- the app delivers none of them.
\set a random(0, 9)
\set b random(10, 19)
\set c random(20, 29)
\set buyer random(0, 999)
BEGIN;
SELECT gen_random_uuid() AS order_id, nextval('orders.order_numbers') AS seq \gset
SELECT sku FROM inventory.skus WHERE sku IN ('BENCH-' || lpad(:a::text, 4, '0'), 'BENCH-' || lpad(:b::text, 4, '0'), 'BENCH-' || lpad(:c::text, 4, '0')) ORDER BY sku FOR UPDATE;
WITH reserved AS (UPDATE inventory.stock_levels SET reserved = reserved + 1 WHERE location_code = 'BENCH-PICK' AND sku IN ('BENCH-' || lpad(:a::text, 4, '0'), 'BENCH-' || lpad(:b::text, 4, '0'), 'BENCH-' || lpad(:c::text, 4, '0')) AND on_hand - reserved >= 1 RETURNING 1) SELECT count(*) AS lines_reserved FROM reserved \gset
\if :lines_reserved = 3
INSERT INTO orders.orders (id, sequence_number, number, status, external_reference, customer_email, customer_name, customer_locale, customer_segment, shipping_address_name, shipping_address_line1, shipping_address_city, shipping_address_postal_code, shipping_address_country, currency, created_at, version) VALUES (:order_id::uuid, :seq, 'OH-C' || lpad(:seq::text, 6, '0'), 'Confirmed', 'CEILING-' || :seq, 'buyer-' || :buyer || '@bench.example', 'Ada Buyer', 'fr', 'loyal', 'Ada Buyer', '3 rue de la Paix', 'Paris', '75002', 'FR', 'EUR', now(), 1);
INSERT INTO orders.order_lines (id, order_id, sku, quantity, unit_price, shipped_quantity, short_shipped_quantity) VALUES (gen_random_uuid(), :order_id::uuid, 'BENCH-' || lpad(:a::text, 4, '0'), 1, 19.99, 0, 0), (gen_random_uuid(), :order_id::uuid, 'BENCH-' || lpad(:b::text, 4, '0'), 1, 19.99, 0, 0), (gen_random_uuid(), :order_id::uuid, 'BENCH-' || lpad(:c::text, 4, '0'), 1, 19.99, 0, 0);
INSERT INTO orders.order_timeline (order_id, sequence, event, status, actor, occurred_at, detail) VALUES (:order_id::uuid, 1, 'OrderConfirmed', 'Confirmed', 'bench-ceiling', now(), '3 line(s), stock reserved');
INSERT INTO inventory.stock_movements (sku, location_code, type, quantity, reserved_delta, reference, actor, occurred_at) VALUES ('BENCH-' || lpad(:a::text, 4, '0'), 'BENCH-PICK', 'Reservation', 0, 1, :order_id::uuid, 'bench-ceiling', now()), ('BENCH-' || lpad(:b::text, 4, '0'), 'BENCH-PICK', 'Reservation', 0, 1, :order_id::uuid, 'bench-ceiling', now()), ('BENCH-' || lpad(:c::text, 4, '0'), 'BENCH-PICK', 'Reservation', 0, 1, :order_id::uuid, 'bench-ceiling', now());
INSERT INTO inventory.outbox_messages (id, type, payload, occurred_at, status, attempts, next_attempt_at, processed_at) VALUES (gen_random_uuid(), 'OrderHub.Inventory.Contracts.StockStepCompleted', repeat('x', 1070), now(), 'Processed', 0, now(), now());
INSERT INTO orders.outbox_messages (id, type, payload, occurred_at, status, attempts, next_attempt_at, processed_at) VALUES (gen_random_uuid(), 'OrderHub.Orders.Contracts.OrderConfirmed', repeat('x', 900), now(), 'Processed', 0, now(), now());
COMMIT;
\else
ROLLBACK;
\endif
