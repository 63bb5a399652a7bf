-- wrk script: POST /v1/evaluate with one shipment per request (the Japanese car of the README).
-- wrk -t2 -c4 -d20s --latency -s docs/load/wrk-evaluate.lua http://127.0.0.1:8080/v1/evaluate
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"hts":"8703.23.01","origin":"JP","entryDate":"2025-04-17","value":30000}'
