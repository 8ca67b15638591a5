window.YTD.follower.part0 = [
  {
    "follower" : {
      "accountId" : "1700000000000000003",
      "userLink" : "https://x.com/intent/user?user_id=1700000000000000003"
    }
  }
]
