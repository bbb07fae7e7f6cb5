#!/bin/sh
# busybox udhcpc hook for the test phone: applies the lease to the interface and
# writes what the box's DHCP server said to $LEASE_FILE (nothing else is touched:
# no /etc/resolv.conf of the host).
case "$1" in
  deconfig)
    ip -4 addr flush dev "$interface"
    ;;
  bound | renew)
    ip -4 addr flush dev "$interface"
    ip addr add "$ip/${mask:-24}" dev "$interface"
    if [ -n "$router" ]; then ip route replace default via "${router%% *}" dev "$interface"; fi
    {
      echo "ip=$ip"
      echo "mask=$mask"
      echo "router=$router"
      echo "dns=$dns"
      echo "opt114=$opt114"
      echo "captive=$captive"
      echo "lease=$lease"
    } >"$LEASE_FILE"
    ;;
esac
exit 0
