scenario { id = "triggers", title = "t", duration = "01:00" }
platform { id = "weibo", name = "微博", share = 0.5 }
fact { id = "f_team", text = "工作组已赶赴现场", synonyms = { "工作组" }, verified_at = 0 }
fact { id = "f_hurt", text = "2人受伤", value = 2, unit = "人", kind = "number", synonyms = { "受伤" } }
inject { id = "i_late", kind = "post", text = "late" }
question { id = "q", text = "?", expects = { "f_team", "f_hurt" } }
on_action("offline", function(a, w)
  if a.target == "apology" and a.mentions("道歉") then
    w.note("apology at " .. w.now)
    w.adjust { trust = 5 }
  end
end)
on_action("*", function(a, w)
  if a.cites("f_team") then w.note("cited by " .. a.type .. " on " .. a.channel) end
  if a.wrong("f_hurt") then w.note("wrong number " .. a.t) end
end)
on_threshold("time", "00:05", function(w)
  w.fire("i_late")
  w.note("roll " .. math.random(1, 1000000) .. " level " .. w.level)
end)
on_tick(function(w)
  if w.now == 600 then w.note("verified " .. tostring(w.verified("f_team"))) end
end)
