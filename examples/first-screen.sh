#!/bin/sh
# Time from starting a command in a 200x60 tmux pane to MARKER on its screen:
#
#   examples/first-screen.sh 'Quotes: all' target/release/verso /tmp/big/story.json
#   examples/first-screen.sh 'report 1 of 2' less /tmp/big/a1.txt
#   examples/first-screen.sh '(END)' less +G /tmp/big/a1.txt
#
# Prints the milliseconds (polling every 10 ms or so, so about +-10 ms), then quits the
# command with `q`. Needs tmux.
set -eu
marker=$1
shift
s="first-screen-$$"
tmux new-session -d -s "$s" -x 200 -y 60 "sh"
tmux set-option -t "$s" status off >/dev/null
sleep 0.3
start=$(date +%s%N)
tmux send-keys -t "$s" "exec $*" Enter
while ! tmux capture-pane -p -t "$s" | grep -qF -- "$marker"; do
    sleep 0.01 # leave the CPU to the command
    now=$(date +%s%N)
    if [ $(( (now - start) / 1000000 )) -gt 30000 ]; then
        echo "timeout: $marker not seen" >&2
        tmux kill-session -t "$s"
        exit 1
    fi
done
end=$(date +%s%N)
echo $(( (end - start) / 1000000 ))
tmux send-keys -t "$s" q
sleep 0.2
tmux kill-session -t "$s" 2>/dev/null || true
