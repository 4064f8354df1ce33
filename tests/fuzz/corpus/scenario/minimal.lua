scenario { id = "x", title = "t", duration = "01:00", world = { population = 1000 } }
local t = {}
for i = 1, 10 do t[#t + 1] = string.format("%02d", i) end
assert(#table.concat(t, ",") == 29)
