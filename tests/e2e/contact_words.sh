# contact_words.sh — the contact element asks for a channel people can use (热线, 电话, 12345, 请联系…),
# not any sentence with 联系 or 反映 in it ("感谢您的反映", "已联系家属" give nobody a way to reach the office).
. "$(dirname "$0")/lib.sh"

# contact TEXT: form.contact points of a single statement at 00:10 in city_video (the urban plan).
contact() {
    printf '[{"t":600,"type":"statement","channel":"weibo","text":"%s"}]' "$1" > "$SCRATCH/in.json"
    "$YQ" run city_video --headless --no-save --json --responses "$SCRATCH/in.json" > "$SCRATCH/out.json" || return 1
    python3 -c 'import json,sys; print([l["points"] for l in json.load(open(sys.argv[1]))["lines"] if l["id"] == "form.contact"][0])' "$SCRATCH/out.json"
}
expect "thanks for feedback and contacting the family are no contact channel" \
    test "$(contact '感谢您的反映和监督，我们已联系涉事摊贩家属，群众反映的问题正在核实。')" = 0
expect "a hotline is a contact channel" test "$(contact '如有线索，请拨打区城管局热线。')" = 2
expect "asking people to get in touch is a contact channel" test "$(contact '如有疑问请联系我们，邮箱见主页。')" = 2
contact '感谢您的反映。' > /dev/null
expect "a missed contact names a word it looked for in each language" \
    python3 -c 'import json,sys; l=[l for l in json.load(open(sys.argv[1]))["lines"] if l["id"] == "form.contact"][0]; assert "热线" in l["why"] and "hotline" in l["why_en"], l' "$SCRATCH/out.json"
finish
