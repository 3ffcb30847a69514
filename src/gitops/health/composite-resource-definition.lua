-- Argo CD health of a CompositeResourceDefinition: Healthy once its CRDs are established and,
-- for the claim's XRD, the claim kind is offered, so the claims wave starts only then.
local hs = { status = "Progressing", message = "Waiting for the XRD's CRDs" }
if obj.status == nil or obj.status.conditions == nil then
  return hs
end
local established = false
local offered = obj.spec == nil or obj.spec.claimNames == nil
for _, c in ipairs(obj.status.conditions) do
  if c.type == "Established" and c.status == "True" then established = true end
  if c.type == "Offered" and c.status == "True" then offered = true end
end
if established and offered then
  hs.status = "Healthy"
  hs.message = "Established" .. ((obj.spec ~= nil and obj.spec.claimNames ~= nil) and " and offered" or "")
end
return hs
